import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";

const role = { kind: "role", name: "sales", label: { en: "Sales" } };

describe("editing any document as JSON", () => {
  it("saves the edited JSON to the draft, and undo brings the previous text back", async () => {
    const draft = new FakeDraft([role]);
    renderDesigner("/json/role/sales", draft);
    const box = await screen.findByRole("textbox", { name: "JSON of role sales" });
    fireEvent.change(box, {
      target: { value: JSON.stringify({ ...role, label: { en: "Sales", "zh-CN": "销售" } }) },
    });
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() => expect(draft.get("role", "sales")?.label).toEqual({ en: "Sales", "zh-CN": "销售" }));
    await userEvent.click(screen.getByRole("button", { name: /Undo/ }));
    expect(JSON.parse((box as HTMLTextAreaElement).value)).toEqual(role);
  });

  it("shows the engine's refusal with its pointer and leaves the draft as it was", async () => {
    const draft = new FakeDraft([role]);
    renderDesigner("/json/role/sales", draft);
    const box = await screen.findByRole("textbox", { name: "JSON of role sales" });
    fireEvent.change(box, { target: { value: JSON.stringify({ ...role, label: 42 }) } });
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    expect(await screen.findByText("/label")).toBeTruthy();
    expect(draft.get("role", "sales")).toEqual(role);
  });
});
