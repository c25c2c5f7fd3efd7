import type { ApprovalProcess } from "@tessera/metadata";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { deal, financeRole, reviewedTemplate } from "../actions/fixtures.js";
import {
  choose,
  chosen,
  directory,
  documents,
  helpOf,
  putsOf,
  savedDocument,
  settle,
  stubRowRects,
  typeCondition,
} from "../actions/ui.js";
import { FakeDraft, renderDesigner } from "../support/designer-harness.js";

const seed = () => new FakeDraft(documents(deal, financeRole, reviewedTemplate));

const twoStepReview: ApprovalProcess = {
  kind: "approvalProcess",
  name: "largeDeal",
  object: "deal",
  label: { en: "Large deal" },
  active: true,
  priority: 1,
  lockRecord: true,
  allowRecall: false,
  entryCriteria: { ">=": [{ var: "amount" }, 1000000] },
  steps: [
    {
      name: "managerReview",
      label: { en: "Manager review" },
      approvers: [{ type: "submitterManager" }],
      decision: "firstResponse",
      onReject: "final",
    },
    {
      name: "financeReview",
      label: { en: "Finance review" },
      approvers: [{ type: "role", role: "finance" }],
      decision: "unanimous",
      onReject: "previousStep",
    },
  ],
  actions: { onFinalApprove: [{ type: "fieldUpdate", field: "approved", value: true }] },
};

/** Waits for the designer to show the text box named `label` (the whole designer renders first). */
const opened = (label: string) => screen.findByRole("textbox", { name: label }, { timeout: 10_000 });

const radio = (group: string, option: string) =>
  within(screen.getByRole("radiogroup", { name: group })).getByRole("radio", { name: option });

describe("modelling a two-step approval", () => {
  it("saves entry criteria, a manager step, a unanimous finance step and a final field update", async () => {
    const draft = seed();
    const { calls } = renderDesigner("/approvals/largeDeal?object=deal&label=Large+deal", draft, directory);
    expect(await screen.findByRole("heading", { name: "Large deal" }, { timeout: 10_000 })).toBeTruthy();

    typeCondition("Entry criteria", { ">=": [{ var: "amount" }, 1000000] });
    fireEvent.change(screen.getByRole("textbox", { name: "Step 1 label" }), {
      target: { value: "Manager review" },
    });
    expect(chosen("Step 1 approver 1 type")).toBe("The submitter's manager");

    await userEvent.click(screen.getByRole("button", { name: "Add step" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Step 2 label" }), {
      target: { value: "Finance review" },
    });
    await choose("Step 2 approver 1 type", "Everyone in a role");
    expect(chosen("Step 2 approver 1 role")).toBe("Finance");
    fireEvent.click(radio("Step 2 decision", "Every approver must approve"));
    fireEvent.click(radio("Step 2 when rejected", "Go back to the previous step"));

    await userEvent.click(screen.getByRole("button", { name: "Add action to On final approval" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: "Update a field" }));
    await choose("On final approval action 1: field", "Approved");
    expect(chosen("On final approval action 1: value")).toBe("Yes");

    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() => expect(putsOf(calls, "approvalProcess")).toHaveLength(1));
    expect(putsOf(calls, "approvalProcess")[0]?.body).toEqual(twoStepReview);
    await waitFor(() => expect(draft.get("approvalProcess", "largeDeal")).toEqual(twoStepReview));
  }, 60_000);

  it("offers no way back from the first step", async () => {
    renderDesigner("/approvals/largeDeal?object=deal", seed(), directory);
    await opened("Step 1 label");
    expect((radio("Step 1 when rejected", "Go back to the previous step") as HTMLInputElement).disabled).toBe(
      true,
    );
  }, 60_000);

  it("a user approver is picked from the tenant's users by username", async () => {
    const draft = seed();
    const { calls } = renderDesigner("/approvals/largeDeal?object=deal&label=Large+deal", draft, directory);
    await opened("Step 1 label");
    await choose("Step 1 approver 1 type", "A user");
    await choose("Step 1 approver 1 user", "Bob Brown (bob)");
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() => expect(putsOf(calls, "approvalProcess")).toHaveLength(1));
    expect(savedDocument<ApprovalProcess>(calls, "approvalProcess").steps[0]?.approvers).toEqual([
      { type: "user", user: "bob" },
    ]);
  }, 60_000);
});

describe("editing a saved process", () => {
  it("fixes the object and removes a step", async () => {
    const draft = new FakeDraft(documents(deal, financeRole, reviewedTemplate, twoStepReview));
    const { calls } = renderDesigner("/approvals/largeDeal", draft, directory);
    await opened("Step 2 label");
    expect(screen.getByRole("combobox", { name: "Object" }).closest(".ant-select-disabled")).not.toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Remove step 1" }));
    expect(screen.queryByRole("textbox", { name: "Step 2 label" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() => expect(putsOf(calls, "approvalProcess")).toHaveLength(1));
    expect(savedDocument<ApprovalProcess>(calls, "approvalProcess").steps).toEqual([
      { ...twoStepReview.steps[1], onReject: "final" },
    ]);
  }, 60_000);

  it("has a drag handle per step, named after the step", async () => {
    renderDesigner(
      "/approvals/largeDeal",
      new FakeDraft(documents(deal, financeRole, twoStepReview)),
      directory,
    );
    expect(
      await screen.findByRole("button", { name: "Move step Manager review" }, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Move step Finance review" })).toBeTruthy();
  }, 60_000);
});

describe("reordering steps by keyboard", () => {
  it("lifts a step with Space, moves it up with the arrow key and drops it with Space", async () => {
    const draft = new FakeDraft(documents(deal, financeRole, twoStepReview));
    renderDesigner("/approvals/largeDeal", draft, directory);
    const handle = await screen.findByRole(
      "button",
      { name: "Move step Finance review" },
      { timeout: 10_000 },
    );
    stubRowRects();
    handle.focus();
    fireEvent.keyDown(handle, { key: " ", code: "Space" });
    await settle();
    fireEvent.keyDown(handle, { key: "ArrowUp", code: "ArrowUp" });
    await settle();
    fireEvent.keyDown(handle, { key: " ", code: "Space" });
    await waitFor(() =>
      expect((screen.getByRole("textbox", { name: "Step 1 label" }) as HTMLInputElement).value).toBe(
        "Finance review",
      ),
    );
    expect(chosen("Step 1 approver 1 type")).toBe("Everyone in a role");
    expect((radio("Step 1 when rejected", "Reject the request") as HTMLInputElement).checked).toBe(true);
    vi.restoreAllMocks();
  }, 60_000);
});

describe("the engine's refusal", () => {
  it("is shown on the priority control, and the draft keeps what it had", async () => {
    const rival: ApprovalProcess = { ...twoStepReview, name: "aaReview", label: { en: "AA" }, priority: 3 };
    const draft = new FakeDraft(documents(deal, financeRole, reviewedTemplate, rival));
    renderDesigner("/approvals/largeDeal?object=deal&label=Large+deal", draft, directory);
    const priority = await screen.findByRole("spinbutton", { name: "Priority" }, { timeout: 10_000 });
    expect((priority as HTMLInputElement).value).toBe("4");
    fireEvent.change(priority, { target: { value: "3" } });
    fireEvent.blur(priority);
    await userEvent.click(screen.getByRole("button", { name: /Save/ }));
    await waitFor(() =>
      expect(helpOf(screen.getByRole("spinbutton", { name: "Priority" }))).toContain(
        'Active process "aaReview" of "deal" already has priority 3.',
      ),
    );
    expect(
      screen.getByRole("spinbutton", { name: "Priority" }).closest(".ant-form-item-has-error"),
    ).not.toBeNull();
    expect(draft.get("approvalProcess", "largeDeal")).toBeUndefined();
  }, 60_000);
});
