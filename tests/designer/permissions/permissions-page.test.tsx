import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";

// The whole designer renders in each test; on a loaded machine that takes more than a second.

const siteVisit = {
  kind: "object",
  name: "siteVisit",
  label: { en: "Site Visit" },
  pluralLabel: { en: "Site Visits" },
  recordName: "subject",
  sharingModel: "private",
  fields: [
    { name: "subject", type: "text", label: { en: "Subject" } },
    { name: "notes", type: "textarea", label: { en: "Notes" } },
  ],
};
const salesRep = { kind: "permissionSet", name: "salesRep", label: { en: "Sales rep" } };
const standardUser = {
  kind: "profile",
  name: "standardUser",
  label: { en: "Standard user" },
  objects: { siteVisit: { read: true } },
};

const setup = (more?: Parameters<typeof renderDesigner>[2]) => {
  const draft = new FakeDraft([siteVisit, salesRep, standardUser]);
  const view = renderDesigner("/permissions", draft, more);
  return { draft, ...view };
};

const cell = (name: string) => screen.findByRole("checkbox", { name }) as Promise<HTMLInputElement>;

describe("object permissions matrix", () => {
  it("shows each profile's and permission set's grants as ticked boxes", async () => {
    setup();
    expect((await cell("Standard user: Site Visit: Read")).checked).toBe(true);
    expect((await cell("Sales rep: Site Visit: Read")).checked).toBe(false);
  });

  it("ticking a cell and saving writes that permission set with the implied permissions", async () => {
    const { draft, calls } = setup();
    await userEvent.click(await cell("Sales rep: Site Visit: Delete"));
    expect((await cell("Sales rep: Site Visit: Edit")).checked).toBe(true);
    expect((await cell("Sales rep: Site Visit: Read")).checked).toBe(true);
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() =>
      expect(draft.get("permissionSet", "salesRep")).toEqual({
        ...salesRep,
        objects: { siteVisit: { read: true, edit: true, delete: true } },
      }),
    );
    const puts = calls.filter((c) => c.method === "PUT");
    expect(puts.map((c) => c.path)).toEqual(["/api/v1/metadata/draft/permissionSet/salesRep"]);
  });

  it("unticking read unticks what depends on it in the profile", async () => {
    const { draft } = setup();
    await userEvent.click(await cell("Standard user: Site Visit: Edit"));
    await userEvent.click(await cell("Standard user: Site Visit: Read"));
    expect((await cell("Standard user: Site Visit: Edit")).checked).toBe(false);
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() =>
      expect(draft.get("profile", "standardUser")).toEqual({
        kind: "profile",
        name: "standardUser",
        label: { en: "Standard user" },
      }),
    );
  });

  it("changes to several documents undo one click at a time across them", async () => {
    setup();
    await userEvent.click(await cell("Sales rep: Site Visit: Create"));
    await userEvent.click(await cell("Standard user: Site Visit: Edit"));
    await userEvent.click(screen.getByRole("button", { name: /Undo/ }));
    expect((await cell("Standard user: Site Visit: Edit")).checked).toBe(false);
    expect((await cell("Sales rep: Site Visit: Create")).checked).toBe(true);
    await userEvent.click(screen.getByRole("button", { name: /Undo/ }));
    expect((await cell("Sales rep: Site Visit: Create")).checked).toBe(false);
    await userEvent.click(screen.getByRole("button", { name: /Redo/ }));
    expect((await cell("Sales rep: Site Visit: Create")).checked).toBe(true);
  });

  it("a column's box ticks the permission on every object", async () => {
    setup();
    await userEvent.click(await cell("Sales rep: View all: all objects"));
    expect((await cell("Sales rep: Site Visit: View all")).checked).toBe(true);
    expect((await cell("Sales rep: Site Visit: Read")).checked).toBe(true);
  });

  it("shows the engine's refusal on the cell its pointer names, and keeps the draft", async () => {
    const { draft } = setup((call) =>
      call.method === "PUT" && call.path.endsWith("/permissionSet/salesRep")
        ? {
            status: 422,
            body: {
              title: "Not valid",
              errors: [
                { path: "/objects/siteVisit/read", code: "permissionSet.x", message: "Read refused here." },
              ],
            },
          }
        : undefined,
    );
    await userEvent.click(await cell("Sales rep: Site Visit: Read"));
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    const refused = await cell("Sales rep: Site Visit: Read");
    await waitFor(() => expect(refused.getAttribute("aria-invalid")).toBe("true"));
    expect(refused.closest("[title]")?.getAttribute("title")).toBe("Read refused here.");
    expect(screen.getByText("/objects/siteVisit/read")).toBeTruthy();
    expect(draft.get("permissionSet", "salesRep")).toEqual(salesRep);
  });
});

describe("field permissions matrix", () => {
  it("ticking edit on a field saves read and edit for it", async () => {
    const { draft } = setup();
    await userEvent.click(await screen.findByRole("tab", { name: "Field permissions" }));
    await userEvent.click(await cell("Sales rep: Site Visit: Notes: Edit"));
    expect((await cell("Sales rep: Site Visit: Notes: Read")).checked).toBe(true);
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() =>
      expect(draft.get("permissionSet", "salesRep")?.fields).toEqual({
        siteVisit: { notes: { read: true, edit: true } },
      }),
    );
  });
});

describe("system permissions", () => {
  it("ticking modify all data also grants view all data", async () => {
    const { draft } = setup();
    await userEvent.click(await screen.findByRole("tab", { name: "System permissions" }));
    await userEvent.click(await cell("Sales rep: Modify all data"));
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() =>
      expect(draft.get("permissionSet", "salesRep")?.system).toEqual({
        viewAllData: true,
        modifyAllData: true,
      }),
    );
  });
});

describe("creating a permission set", () => {
  it("derives the API name from the label and writes an empty set to the draft", async () => {
    const { draft } = setup();
    await userEvent.click(await screen.findByRole("button", { name: /New permission set/ }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Label" }), {
      target: { value: "Field service" },
    });
    expect((within(dialog).getByRole("textbox", { name: "API name" }) as HTMLInputElement).value).toBe(
      "fieldService",
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "Create" }));
    await waitFor(() =>
      expect(draft.get("permissionSet", "fieldService")).toEqual({
        kind: "permissionSet",
        name: "fieldService",
        label: { en: "Field service" },
      }),
    );
    expect(await cell("Field service: Site Visit: Read")).toBeTruthy();
  });

  it("refuses a name already taken", async () => {
    setup();
    await userEvent.click(await screen.findByRole("button", { name: /New permission set/ }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Label" }), { target: { value: "X" } });
    fireEvent.change(within(dialog).getByRole("textbox", { name: "API name" }), {
      target: { value: "salesRep" },
    });
    await userEvent.click(within(dialog).getByRole("button", { name: "Create" }));
    expect(
      await within(dialog).findByText("A permission set with this API name already exists."),
    ).toBeTruthy();
  });
});
