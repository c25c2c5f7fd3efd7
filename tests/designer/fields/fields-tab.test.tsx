import type { JsonObject } from "@tessera/metadata";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";

// The whole designer renders in these tests; on a busy machine the first paint takes seconds.

const siteVisit: JsonObject = {
  kind: "object",
  name: "siteVisit",
  label: { en: "Site Visit", "zh-CN": "现场拜访" },
  pluralLabel: { en: "Site Visits" },
  recordName: "name",
  sharingModel: "private",
  fields: [
    { name: "name", type: "text", label: { en: "Name" }, required: true },
    { name: "notes", type: "textarea", label: { en: "Notes" } },
  ],
};

const open = async (draft: FakeDraft, more?: Parameters<typeof renderDesigner>[2]) => {
  const view = renderDesigner("/objects/siteVisit", draft, more);
  await screen.findByRole("button", { name: "Add Date field" });
  return view;
};
const save = () => fireEvent.click(screen.getByRole("button", { name: /Save/ }));
const putOf = (calls: ReturnType<typeof renderDesigner>["calls"]) =>
  calls.filter((c) => c.method === "PUT" && c.path === "/api/v1/metadata/draft/object/siteVisit").at(-1);

describe("adding a field from the palette", () => {
  it("offers every field type of the registry", async () => {
    await open(new FakeDraft([siteVisit]));
    const palette = screen.getByRole("region", { name: "Field types" });
    expect(within(palette).getAllByRole("button")).toHaveLength(23);
    expect(
      within(palette).getByRole("button", { name: "Add Master-detail relationship field" }),
    ).toBeTruthy();
  });

  it("adds the field at the end with Enter, selects it, and its API name follows the label", async () => {
    const draft = new FakeDraft([siteVisit]);
    const { calls } = await open(draft);
    fireEvent.keyDown(screen.getByRole("button", { name: "Add Date field" }), {
      key: "Enter",
      code: "Enter",
    });
    const row = await screen.findByRole("button", { name: "New Date field (newField)" });
    expect(row.getAttribute("aria-pressed")).toBe("true");
    fireEvent.change(screen.getByRole("textbox", { name: "Field label" }), {
      target: { value: "Visit date" },
    });
    expect((screen.getByRole("textbox", { name: "API name" }) as HTMLInputElement).value).toBe("visitDate");
    expect(screen.getByRole("button", { name: "Visit date (visitDate)" })).toBeTruthy();
    fireEvent.click(screen.getByRole("checkbox", { name: "Required" }));
    save();
    await waitFor(() => expect(draft.get("object", "siteVisit")?.fields).toHaveLength(3));
    expect(putOf(calls)?.body).toMatchObject({
      fields: [
        { name: "name", type: "text", label: { en: "Name" }, required: true },
        { name: "notes", type: "textarea", label: { en: "Notes" } },
        {
          name: "visitDate",
          type: "date",
          label: { en: "Visit date" },
          required: true,
        },
      ],
    });
  });

  it("stops following the label once the admin edits the API name", async () => {
    await open(new FakeDraft([siteVisit]));
    fireEvent.keyDown(screen.getByRole("button", { name: "Add Text field" }), {
      key: "Enter",
      code: "Enter",
    });
    const name = (await screen.findByRole("textbox", { name: "API name" })) as HTMLInputElement;
    fireEvent.change(name, { target: { value: "inspector" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Field label" }), {
      target: { value: "Inspector name" },
    });
    expect(name.value).toBe("inspector");
  });

  it("says while typing that an API name is taken", async () => {
    await open(new FakeDraft([siteVisit]));
    fireEvent.keyDown(screen.getByRole("button", { name: "Add Text field" }), {
      key: "Enter",
      code: "Enter",
    });
    fireEvent.change(await screen.findByRole("textbox", { name: "API name" }), {
      target: { value: "notes" },
    });
    expect(screen.getByText("Another field is already named notes.")).toBeTruthy();
  });
});

describe("the property panel", () => {
  it("edits a picklist's options and saves them", async () => {
    const draft = new FakeDraft([siteVisit]);
    await open(draft);
    fireEvent.keyDown(screen.getByRole("button", { name: "Add Picklist field" }), {
      key: "Enter",
      code: "Enter",
    });
    fireEvent.change(await screen.findByRole("textbox", { name: "Field label" }), {
      target: { value: "Status" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: "Value of option 1" }), {
      target: { value: "planned" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: "Label of option 1" }), {
      target: { value: "Planned" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: "Label of option 1 (中文)" }), {
      target: { value: "已计划" },
    });
    fireEvent.click(screen.getByRole("button", { name: /Add option/ }));
    fireEvent.change(screen.getByRole("textbox", { name: "Value of option 2" }), {
      target: { value: "done" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: "Label of option 2" }), {
      target: { value: "Done" },
    });
    save();
    await waitFor(() => expect(draft.get("object", "siteVisit")?.fields).toHaveLength(3));
    expect(((draft.get("object", "siteVisit")?.fields ?? []) as unknown[])[2]).toEqual({
      name: "status",
      type: "picklist",
      label: { en: "Status" },
      options: [
        { value: "planned", label: { en: "Planned", "zh-CN": "已计划" } },
        { value: "done", label: { en: "Done", "zh-CN": "选项 2" } },
      ],
    });
  });

  it("shows the engine's refusal on the control it names and on the field's row", async () => {
    const draft = new FakeDraft([siteVisit]);
    await open(draft);
    fireEvent.keyDown(screen.getByRole("button", { name: "Add Picklist field" }), {
      key: "Enter",
      code: "Enter",
    });
    fireEvent.click(await screen.findByRole("button", { name: /Add option/ }));
    fireEvent.change(screen.getByRole("textbox", { name: "Value of option 2" }), {
      target: { value: "option1" },
    });
    save();
    expect(
      await screen.findByText('The option value "option1" is used more than once.', {
        selector: ".ant-form-item-explain-error",
      }),
    ).toBeTruthy();
    expect(screen.getByRole("img", { name: "Has problems" })).toBeTruthy();
    expect(((draft.get("object", "siteVisit")?.fields ?? []) as unknown[]).length).toBe(2);
  });

  it("renders the type's own options with rjsf and shows the engine's problem there", async () => {
    const draft = new FakeDraft([siteVisit]);
    await open(draft);
    fireEvent.keyDown(screen.getByRole("button", { name: "Add Auto number field" }), {
      key: "Enter",
      code: "Enter",
    });
    const format = await screen.findByRole("textbox", { name: "Display format" });
    fireEvent.change(format, { target: { value: "VIS-{abc}" } });
    save();
    await waitFor(() =>
      expect(document.getElementById("root_format__error")?.textContent).toMatch(/"\{abc\}" is not a token/),
    );
  });

  it("offers the draft's objects as the target of a lookup", async () => {
    const account = {
      ...siteVisit,
      name: "account",
      label: { en: "Account" },
      pluralLabel: { en: "Accounts" },
    };
    const draft = new FakeDraft([siteVisit, account]);
    await open(draft);
    fireEvent.keyDown(screen.getByRole("button", { name: "Add Lookup relationship field" }), {
      key: "Enter",
      code: "Enter",
    });
    const select = await screen.findByRole("combobox", { name: "Related object" });
    expect(select.closest(".ant-select")?.textContent).toContain("Account (account)");
  });
});
