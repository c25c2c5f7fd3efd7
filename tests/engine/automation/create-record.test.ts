import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../security/support/org-admin.js";
import { profile, role } from "../../security/support/security-documents.js";
import type { ApiClient } from "../support/api-client.js";
import {
  type AutomationServer,
  automation,
  automationLog,
  createRecord,
  eventually,
  findRecords,
  idOf,
  startAutomationServer,
} from "./automation-fixture.js";

let s: AutomationServer;
let rep: { id: string; client: ApiClient };
let ops: { id: string; client: ApiClient };

const followUpTask = automation("followUpTask", "opportunity", { type: "create" }, [
  {
    type: "createRecord",
    object: "task",
    values: {
      subject: { expression: { cat: ["Follow up: ", { var: "name" }] } },
      status: "notStarted",
      priority: "high",
      assignedTo: { expression: { var: "ownerId" } },
      relatedOpportunity: { expression: { var: "id" } },
    },
  },
]);

/** Runs as a clerk whose profile may read tasks but not create them. */
const caseTask = automation(
  "caseTask",
  "case",
  { type: "create" },
  [
    {
      type: "createRecord",
      object: "task",
      values: {
        subject: { expression: { cat: ["Call back: ", { var: "subject" }] } },
        status: "notStarted",
        priority: "normal",
        assignedTo: { expression: { var: "ownerId" } },
      },
    },
  ],
  { runAs: "clerk" },
);

/** Runs as "ops", whoever creates the lead. */
const leadTask = automation(
  "leadTask",
  "lead",
  { type: "create" },
  [
    {
      type: "createRecord",
      object: "task",
      values: {
        subject: { expression: { cat: ["Qualify: ", { var: "company" }] } },
        status: "notStarted",
        priority: "normal",
        assignedTo: { expression: { var: "$user.id" } },
        relatedLead: { expression: { var: "id" } },
      },
    },
  ],
  { runAs: "ops" },
);

const clerkProfile = profile("caseClerk", {
  objects: { case: { create: true, read: true, edit: true }, task: { read: true }, user: { read: true } },
  system: { apiEnabled: true },
});

beforeAll(async () => {
  s = await startAutomationServer([
    role("salesManager"),
    role("salesRep", "salesManager"),
    clerkProfile,
    followUpTask,
    caseTask,
    leadTask,
  ]);
  rep = await createUser(s.admin, "demo", { username: "rep", role: "salesRep" });
  ops = await createUser(s.admin, "demo", { username: "ops", role: "salesManager" });
  await createUser(s.admin, "demo", { username: "clerk", profile: "caseClerk" });
}, 60_000);
afterAll(async () => s?.close());

describe("an automation creating a related record", () => {
  it("creates a task for a new opportunity, as the user whose change triggered it", async () => {
    const account = await createRecord(rep.client, "account", { name: "Acme" });
    const deal = await createRecord(rep.client, "opportunity", {
      name: "Big deal",
      account: account.id,
      stage: "prospecting",
      closeDate: "2027-06-30",
    });
    const filter = { "==": [{ var: "relatedOpportunity" }, deal.id] };
    const tasks = await eventually(
      () => findRecords(rep.client, "task", filter),
      (found) => found.length > 0,
    );
    expect(tasks).toHaveLength(1);
    const task = tasks[0] ?? {};
    expect(task).toMatchObject({
      subject: "Follow up: Big deal",
      status: "notStarted",
      priority: "high",
      ownerId: rep.id,
      createdBy: rep.id,
    });
    expect(idOf(task.assignedTo)).toBe(rep.id);
    const log = await automationLog(s.admin, String(deal.id));
    expect(log).toContainEqual(
      expect.objectContaining({
        kind: "automation",
        name: "followUpTask",
        status: "ok",
        details: expect.objectContaining({ createdId: task.id }),
      }),
    );
  });

  it("creates the record as the automation's run-as user, not as the user who triggered it", async () => {
    const lead = await createRecord(rep.client, "lead", {
      lastName: "Zhao",
      company: "Zhao Ltd",
      status: "new",
    });
    const tasks = await eventually(
      () => findRecords(ops.client, "task", { "==": [{ var: "relatedLead" }, lead.id] }),
      (found) => found.length > 0,
    );
    expect(tasks).toEqual([
      expect.objectContaining({ subject: "Qualify: Zhao Ltd", ownerId: ops.id, createdBy: ops.id }),
    ]);
    // $user in the values is the user whose change triggered it, computed at the write.
    expect(idOf(tasks[0]?.assignedTo)).toBe(rep.id);
  });

  it("refuses a reference the run-as user may not see: failed in the log, no record", async () => {
    // The admin's lead is private and ops is not above the admin in the role hierarchy.
    const lead = await createRecord(s.admin, "lead", { lastName: "Qian", company: "Qian Co", status: "new" });
    const log = await eventually(
      () => automationLog(s.admin, String(lead.id)),
      (entries) => entries.some((e) => e.name === "leadTask" && e.status === "failed"),
    );
    expect(log.filter((e) => e.name === "leadTask")).toEqual([
      expect.objectContaining({ status: "ok", object: "lead", message: "Ran on create." }),
      expect.objectContaining({
        status: "failed",
        object: "lead",
        message: expect.stringContaining("/relatedLead"),
        details: expect.objectContaining({ kind: "createRecord" }),
      }),
    ]);
    expect(await findRecords(s.admin, "task", { "==": [{ var: "relatedLead" }, lead.id] })).toEqual([]);
  });

  it("logs a failure and creates nothing when the run-as user may not create the record", async () => {
    const created = await createRecord(s.admin, "case", {
      subject: "Printer on fire",
      status: "new",
      priority: "high",
    });
    const log = await eventually(
      () => automationLog(s.admin, String(created.id)),
      (entries) => entries.some((e) => e.name === "caseTask" && e.status !== "ok"),
    );
    expect(log.filter((e) => e.name === "caseTask" && e.status !== "ok")).toEqual([
      expect.objectContaining({
        status: "failed",
        object: "case",
        message: "Could not create task: You may not create task records",
      }),
    ]);
    expect(
      await findRecords(s.admin, "task", { "==": [{ var: "subject" }, "Call back: Printer on fire"] }),
    ).toEqual([]);
    // The case itself was written: a failing follow-up action never undoes the user's change.
    expect((await findRecords(s.admin, "case", { "==": [{ var: "id" }, created.id] })).length).toBe(1);
  });
});
