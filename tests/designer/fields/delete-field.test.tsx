import type { JsonObject } from "@tessera/metadata";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Call } from "../../runtime/support/mock-fetch.js";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";

// The whole designer renders in these tests; on a busy machine the first paint takes seconds.

const siteVisit: JsonObject = {
  kind: "object",
  name: "siteVisit",
  label: { en: "Site Visit" },
  pluralLabel: { en: "Site Visits" },
  recordName: "name",
  sharingModel: "private",
  fields: [
    { name: "name", type: "text", label: { en: "Name" }, required: true },
    { name: "notes", type: "textarea", label: { en: "Notes" } },
  ],
};
const layout = {
  kind: "layout",
  name: "siteVisitLayout",
  object: "siteVisit",
  label: { en: "Visit layout" },
  sections: [
    { id: "main", label: { en: "Main" }, columns: 1, items: [{ field: "name" }, { field: "notes" }] },
  ],
};
const isPreview = (call: Call) => call.method === "POST" && call.path === "/api/v1/metadata/draft/preview";

const openDelete = async (more: (call: Call) => { status?: number; body?: unknown } | undefined) => {
  const draft = new FakeDraft([siteVisit, layout]);
  const view = renderDesigner("/objects/siteVisit", draft, more);
  fireEvent.click(await screen.findByRole("button", { name: "Notes (notes)" }));
  fireEvent.click(await screen.findByRole("button", { name: /Delete field/ }));
  const dialog = await screen.findByRole("dialog");
  expect(within(dialog).getByText("Delete the field Notes?")).toBeTruthy();
  return { ...view, draft, dialog };
};

describe("deleting a field", () => {
  it("shows the records that lose their value and the documents that use the field, then deletes it", async () => {
    const { calls, draft, dialog } = await openDelete((call) =>
      isPreview(call)
        ? {
            body: {
              changes: [],
              issues: [],
              impact: [
                {
                  object: "siteVisit",
                  field: "notes",
                  severity: "destructive",
                  code: "field.removed",
                  records: 312,
                  message: 'Removing "notes" deletes its value from 312 record(s).',
                },
              ],
            },
          }
        : undefined,
    );
    expect(
      await within(dialog).findByText("312 records lose their value of this field when you publish."),
    ).toBeTruthy();
    expect(within(dialog).getByRole("link", { name: "Page layout Visit layout" })).toBeTruthy();
    expect(within(dialog).getByText(/placed on the layout/)).toBeTruthy();
    const preview = calls.find(isPreview)?.body as { documents: Array<{ fields: Array<{ name: string }> }> };
    expect(preview.documents[0]?.fields.map((f) => f.name)).toEqual(["name"]);
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete field" }));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Notes (notes)" })).toBeNull());
    fireEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() =>
      expect(
        ((draft.get("object", "siteVisit")?.fields ?? []) as Array<{ name: string }>).map((f) => f.name),
      ).toEqual(["name"]),
    );
  });

  it("says the impact could not be computed when the preview fails, and cancelling keeps the field", async () => {
    const { dialog } = await openDelete((call) =>
      isPreview(call) ? { status: 500, body: { title: "Server error" } } : undefined,
    );
    expect(
      await within(dialog).findByText("The impact on existing records could not be computed."),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(screen.getByRole("button", { name: "Notes (notes)" })).toBeTruthy();
  });

  it("does not offer to delete the field that names the records", async () => {
    renderDesigner("/objects/siteVisit", new FakeDraft([siteVisit]));
    fireEvent.click(await screen.findByRole("button", { name: "Name (name)" }));
    expect((screen.getByRole("button", { name: /Delete field/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});
