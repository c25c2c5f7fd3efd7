import type { ApprovalProcess } from "@tessera/metadata";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { deal } from "../actions/fixtures.js";
import { choose, directory, documents } from "../actions/ui.js";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";

const review: ApprovalProcess = {
  kind: "approvalProcess",
  name: "dealReview",
  object: "deal",
  label: { en: "Deal review", "zh-CN": "商机审批" },
  active: true,
  priority: 2,
  steps: [
    {
      name: "manager",
      label: { en: "Manager" },
      approvers: [{ type: "submitterManager" }],
      decision: "firstResponse",
      onReject: "final",
    },
    {
      name: "finance",
      label: { en: "Finance" },
      approvers: [{ type: "field", field: "ownerId" }],
      decision: "firstResponse",
      onReject: "final",
    },
  ],
};

const rowOf = (name: string) => {
  const row = screen.getByRole("link", { name }).closest("tr");
  if (row === null) throw new Error(`no row ${name}`);
  return [...row.querySelectorAll("td")].map((cell) => cell.textContent);
};

describe("the list of approval processes", () => {
  it("shows label, API name, object, active, priority and steps, the label linking to the designer", async () => {
    renderDesigner("/approvals", new FakeDraft(documents(deal, review)), directory);
    const link = await screen.findByRole("link", { name: "Deal review" }, { timeout: 10_000 });
    expect(link.getAttribute("href")).toBe("/approvals/dealReview");
    expect(rowOf("Deal review")).toEqual(["Deal review", "dealReview", "Deal", "Yes", "2", "2"]);
  }, 60_000);

  it("shows labels in Chinese for a Chinese-speaking admin", async () => {
    renderDesigner("/approvals", new FakeDraft(documents(deal, review)), directory, "zh-CN");
    expect(await screen.findByRole("link", { name: "商机审批" }, { timeout: 10_000 })).toBeTruthy();
    expect(rowOf("商机审批")).toEqual(["商机审批", "dealReview", "商机", "是", "2", "2"]);
  }, 60_000);
});

describe("starting a new approval process", () => {
  it("derives the API name from the label and opens the designer on a new process of the object", async () => {
    const draft = new FakeDraft(documents(deal, review));
    renderDesigner("/approvals", draft, directory);
    await userEvent.click(
      await screen.findByRole("button", { name: "New approval process" }, { timeout: 10_000 }),
    );
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Label" }), {
      target: { value: "Large deal" },
    });
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Label (中文)" }), {
      target: { value: "大额商机" },
    });
    expect((within(dialog).getByRole("textbox", { name: "API name" }) as HTMLInputElement).value).toBe(
      "largeDeal",
    );
    await choose("Object", "Deal", dialog);
    await userEvent.click(within(dialog).getByRole("button", { name: "Create" }));
    expect(await screen.findByRole("heading", { name: "Large deal" }, { timeout: 10_000 })).toBeTruthy();
    expect((screen.getByRole("textbox", { name: "Process label (中文)" }) as HTMLInputElement).value).toBe(
      "大额商机",
    );
    expect(screen.getByRole("spinbutton", { name: "Priority" })).toHaveProperty("value", "3");
    expect(draft.get("approvalProcess", "largeDeal")).toBeUndefined();
  }, 60_000);

  it("refuses an API name another process has", async () => {
    renderDesigner("/approvals", new FakeDraft(documents(deal, review)), directory);
    await userEvent.click(
      await screen.findByRole("button", { name: "New approval process" }, { timeout: 10_000 }),
    );
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByRole("textbox", { name: "API name" }), {
      target: { value: "dealReview" },
    });
    await waitFor(() => expect(within(dialog).getByText("This name is already used.")).toBeTruthy());
  }, 60_000);
});
