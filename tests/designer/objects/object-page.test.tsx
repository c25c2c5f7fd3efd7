import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";

// The whole designer renders in these tests; on a busy machine the first paint takes seconds.

const siteVisit = {
  kind: "object",
  name: "siteVisit",
  label: { en: "Site Visit" },
  pluralLabel: { en: "Site Visits" },
  recordName: "name",
  sharingModel: "private",
  fields: [
    { name: "name", type: "text", label: { en: "Name" } },
    { name: "email", type: "email", label: { en: "Contact e-mail" } },
  ],
};
const layout = {
  kind: "layout",
  name: "siteVisitLayout",
  object: "siteVisit",
  label: { en: "Visit layout" },
  default: true,
  sections: [{ id: "main", label: { en: "Main" }, columns: 1, items: [{ field: "name" }] }],
};
const otherLayout = { ...layout, name: "accountLayout", object: "account", label: { en: "Account layout" } };
const view = {
  kind: "listView",
  name: "allVisits",
  object: "siteVisit",
  label: { en: "All visits" },
  columns: ["name"],
};

describe("the object page", () => {
  it("lists the object's layouts only, linking to the layout designer", async () => {
    renderDesigner("/objects/siteVisit?tab=layouts", new FakeDraft([siteVisit, layout, otherLayout]));
    const link = await screen.findByRole("link", { name: "Visit layout" });
    expect(link.getAttribute("href")).toBe("/objects/siteVisit/layouts/siteVisitLayout");
    expect(screen.queryByRole("link", { name: "Account layout" })).toBeNull();
    expect(screen.getByText("Default")).toBeTruthy();
  });

  it("leaves for the layout designer when a new layout is asked for", async () => {
    renderDesigner("/objects/siteVisit?tab=layouts", new FakeDraft([siteVisit, layout]));
    fireEvent.click(await screen.findByRole("button", { name: /New layout/ }));
    await waitFor(() => expect(screen.queryByRole("button", { name: /New layout/ })).toBeNull());
  });

  it("lists the object's list views", async () => {
    renderDesigner("/objects/siteVisit?tab=listViews", new FakeDraft([siteVisit, view]));
    const link = await screen.findByRole("link", { name: "All visits" });
    expect(link.getAttribute("href")).toBe("/objects/siteVisit/list-views/allVisits");
  });

  it("edits the details and saves them in the same document", async () => {
    const draft = new FakeDraft([siteVisit]);
    renderDesigner("/objects/siteVisit?tab=details", draft);
    fireEvent.change(await screen.findByRole("textbox", { name: "Plural label" }), {
      target: { value: "Visits" },
    });
    fireEvent.click(screen.getByRole("radio", { name: /Public read\/write/ }));
    fireEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() =>
      expect(draft.get("object", "siteVisit")).toMatchObject({
        pluralLabel: { en: "Visits" },
        sharingModel: "publicReadWrite",
      }),
    );
  });

  it("says so when the draft has no such object", async () => {
    renderDesigner("/objects/nothing", new FakeDraft([siteVisit]));
    expect(await screen.findByText("There is no object nothing in the draft.")).toBeTruthy();
  });
});
