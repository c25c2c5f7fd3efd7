import type { Automation } from "@tessera/metadata";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { deal, reviewedTemplate, task } from "../actions/fixtures.js";
import { choose, chosen, directory, documents, helpOf, putsOf, savedDocument } from "../actions/ui.js";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";

const seed = () => new FakeDraft(documents(deal, task, reviewedTemplate));

const open = (path: string, draft: FakeDraft) => {
  const view = renderDesigner(path, draft, directory);
  return { ...view, ready: screen.findByRole("combobox", { name: "Trigger" }, { timeout: 10_000 }) };
};

const addAction = async (type: string) => {
  await userEvent.click(screen.getByRole("button", { name: "Add action to Actions" }));
  await userEvent.click(await screen.findByRole("menuitem", { name: type }));
};

describe("an automation on a field change", () => {
  it("saves a trigger on stage changing to won and an update of the approved field", async () => {
    const draft = seed();
    const { calls, ready } = open("/automations/wonDeals?object=deal&label=Won+deals", draft);
    await ready;
    await choose("Trigger", "When a field changes");
    await choose("Changed field", "Stage");
    fireEvent.click(screen.getByRole("checkbox", { name: "Only when changed to a value" }));
    await choose("Changed to", "Won");
    await addAction("Update a field");
    await choose("Action 1: field", "Approved");
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() => expect(putsOf(calls, "automation")).toHaveLength(1));
    const expected: Automation = {
      kind: "automation",
      name: "wonDeals",
      object: "deal",
      label: { en: "Won deals" },
      active: true,
      trigger: { type: "fieldChange", field: "stage", to: "won" },
      actions: [{ type: "fieldUpdate", field: "approved", value: true }],
    };
    expect(putsOf(calls, "automation")[0]?.body).toEqual(expected);
    await waitFor(() => expect(draft.get("automation", "wonDeals")).toEqual(expected));
  }, 60_000);

  it("a field update's value input follows the field's type", async () => {
    const { ready } = open("/automations/wonDeals?object=deal", seed());
    await ready;
    await addAction("Update a field");
    await choose("Action 1: field", "Stage");
    expect(chosen("Action 1: value")).toBe("Open");
    await choose("Action 1: field", "Amount");
    expect(screen.getByRole("spinbutton", { name: "Action 1: value" })).toHaveProperty("value", "0");
  }, 60_000);
});

describe("the engine's refusal", () => {
  it("is shown on the webhook address it names, and the draft keeps what it had", async () => {
    const draft = seed();
    const { ready } = open("/automations/notifyHook?object=deal", draft);
    await ready;
    await addAction("Call a webhook");
    fireEvent.change(screen.getByRole("textbox", { name: "Action 1: URL" }), {
      target: { value: "http://0x7f000001/hook" },
    });
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() =>
      expect(helpOf(screen.getByRole("textbox", { name: "Action 1: URL" }))).toContain(
        "A webhook must call an http(s) address",
      ),
    );
    expect(draft.get("automation", "notifyHook")).toBeUndefined();
  }, 60_000);

  it("an automation without actions is refused on the action list", async () => {
    const draft = seed();
    const { ready } = open("/automations/empty?object=deal", draft);
    await ready;
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() =>
      expect(
        screen.getByRole("button", { name: "Add action to Actions" }).closest(".ant-form-item-has-error"),
      ).not.toBeNull(),
    );
    expect(draft.get("automation", "empty")).toBeUndefined();
  }, 60_000);
});

describe("actions of an automation", () => {
  it("creates a record of another object with its required values, and notifies the owner", async () => {
    const draft = seed();
    const { calls, ready } = open("/automations/followUps?object=deal&label=Follow-ups", draft);
    await ready;
    await addAction("Create a record");
    await choose("Action 1: object", "Follow-up");
    fireEvent.change(screen.getByRole("textbox", { name: "Action 1, value 1: value" }), {
      target: { value: "Call the customer" },
    });
    await addAction("Send a notification");
    expect(chosen("Action 2: template")).toBe("Deal reviewed");
    expect(chosen("Action 2, recipient 1: type")).toBe("Record owner");
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() => expect(putsOf(calls, "automation")).toHaveLength(1));
    expect(savedDocument<Automation>(calls, "automation").actions).toEqual([
      { type: "createRecord", object: "followUp", values: { subject: "Call the customer", urgency: "low" } },
      { type: "notify", template: "dealReviewed", to: [{ type: "owner" }] },
    ]);
    await waitFor(() => expect(draft.get("automation", "followUps")).toBeDefined());
  }, 60_000);
});

describe("a plugin action", () => {
  const salesPackage = {
    kind: "package" as const,
    name: "sales",
    version: "1.0.0",
    label: { en: "Sales" },
    tessera: "^0.1.0",
    metadata: ["metadata/"],
  };

  it("names the package, the action and its parameters, and refuses parameters that are not an object", async () => {
    const draft = new FakeDraft(documents(deal, task, reviewedTemplate, salesPackage));
    const { calls, ready } = open("/automations/recycle?object=deal&label=Recycle", draft);
    await ready;
    await addAction("Run a plugin action");
    expect(chosen("Action 1: package")).toBe("sales");
    await userEvent.type(screen.getByRole("textbox", { name: "Action 1: plugin action" }), "recycleLeads");
    const params = screen.getByRole("textbox", { name: "Action 1: parameters" });
    fireEvent.change(params, { target: { value: "[1, 2]" } });
    fireEvent.blur(params);
    expect((await screen.findByRole("alert")).textContent).toBe('Write a JSON object, e.g. {"days": 30}.');
    fireEvent.change(params, { target: { value: '{"days": 30}' } });
    fireEvent.blur(params);
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() => expect(putsOf(calls, "automation")).toHaveLength(1));
    expect(putsOf(calls, "automation")[0]?.body).toMatchObject({
      actions: [{ type: "plugin", package: "sales", action: "recycleLeads", params: { days: 30 } }],
    });
  }, 60_000);
});
