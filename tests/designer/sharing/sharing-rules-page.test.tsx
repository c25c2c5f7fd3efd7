import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Handler } from "../../runtime/support/mock-fetch.js";
import { choose } from "../actions/ui.js";
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
    { name: "status", type: "text", label: { en: "Status" } },
  ],
};
const sales = { kind: "role", name: "sales", label: { en: "Sales" } };
const east = { kind: "role", name: "east", label: { en: "Sales East" }, parent: "sales" };
const ownerRule = {
  kind: "sharingRule",
  name: "eastVisits",
  label: { en: "East visits" },
  object: "siteVisit",
  type: "owner",
  ownedBy: { type: "role", name: "east" },
  sharedWith: { type: "role", name: "sales" },
  access: "read",
};

const groups: Handler = (call) =>
  call.path === "/api/v1/records/group"
    ? { body: { records: [{ name: "emea" }], nextCursor: null } }
    : undefined;

const setup = () => {
  const draft = new FakeDraft([siteVisit, sales, east, ownerRule]);
  return { draft, ...renderDesigner("/sharing-rules", draft, groups) };
};

describe("the list of sharing rules", () => {
  it("shows each rule's object, type, audience and access", async () => {
    setup();
    const open = await screen.findByRole("button", { name: "Edit East visits" });
    const row = open.closest("tr") as HTMLElement;
    expect(row.textContent).toContain("Site Visit");
    expect(row.textContent).toContain("Based on record owner");
    expect(row.textContent).toContain("Role: Sales");
    expect(row.textContent).toContain("Read only");
  });
});

describe("a criteria-based sharing rule", () => {
  it("is created with its criteria, audience and access and saved as one document", async () => {
    const { draft, calls } = setup();
    fireEvent.click(await screen.findByRole("button", { name: /New sharing rule/ }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Label" }), {
      target: { value: "Planned visits" },
    });
    await choose("Object", "Site Visit", dialog);
    fireEvent.click(within(dialog).getByRole("button", { name: "Create" }));
    await screen.findByText("New: not in the draft until you save it.");

    fireEvent.click(within(screen.getByRole("group", { name: "Records that match" })).getByText("JSON"));
    fireEvent.change(screen.getByRole("textbox", { name: "Condition JSON" }), {
      target: { value: '{"==":[{"var":"status"},"planned"]}' },
    });
    await choose("Share with", "Role and subordinates");
    await choose("Share with: which", "Sales East");
    fireEvent.click(screen.getByRole("radio", { name: "Read/Write" }));
    fireEvent.click(screen.getByRole("button", { name: /Save/ }));

    await waitFor(() =>
      expect(draft.get("sharingRule", "plannedVisits")).toEqual({
        kind: "sharingRule",
        name: "plannedVisits",
        label: { en: "Planned visits" },
        object: "siteVisit",
        type: "criteria",
        criteria: { "==": [{ var: "status" }, "planned"] },
        sharedWith: { type: "roleAndSubordinates", name: "east" },
        access: "edit",
      }),
    );
    expect(calls.filter((c) => c.method === "PUT").map((c) => c.path)).toEqual([
      "/api/v1/metadata/draft/sharingRule/plannedVisits",
    ]);
  });

  it("without criteria is refused by the engine, with the problem on the criteria", async () => {
    const { draft } = setup();
    fireEvent.click(await screen.findByRole("button", { name: /New sharing rule/ }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Label" }), {
      target: { value: "Everything" },
    });
    await choose("Object", "Site Visit", dialog);
    fireEvent.click(within(dialog).getByRole("button", { name: "Create" }));
    await screen.findByText("New: not in the draft until you save it.");
    fireEvent.click(screen.getByRole("button", { name: /Save/ }));
    const criteria = await screen.findByRole("group", { name: "Records that match" });
    await waitFor(() => expect(criteria.getAttribute("aria-describedby")).toBeTruthy());
    expect(draft.get("sharingRule", "everything")).toBeUndefined();
  });
});

describe("an owner-based sharing rule", () => {
  it("shares with a public group picked by name", async () => {
    const { draft } = setup();
    fireEvent.click(await screen.findByRole("button", { name: "Edit East visits" }));
    await choose("Share with", "Public group");
    const group = screen.getByRole("combobox", { name: "Share with: which" });
    fireEvent.change(group, { target: { value: "emea" } });
    fireEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() =>
      expect(draft.get("sharingRule", "eastVisits")?.sharedWith).toEqual({ type: "group", name: "emea" }),
    );
  });

  it("is deleted from the draft after confirmation", async () => {
    const { draft } = setup();
    fireEvent.click(await screen.findByRole("button", { name: "Edit East visits" }));
    fireEvent.click(screen.getByRole("button", { name: /Delete sharing rule/ }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(draft.get("sharingRule", "eastVisits")).toBeUndefined());
  });
});
