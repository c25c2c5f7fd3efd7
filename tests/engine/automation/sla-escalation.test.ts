import type { ObjectDefinition } from "@tessera/metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datetime } from "../../metadata/builders.js";
import { createUser, publish } from "../../security/support/org-admin.js";
import { permissionSet, role } from "../../security/support/security-documents.js";
import type { ApiClient } from "../support/api-client.js";
import {
  type AutomationServer,
  automation,
  automationLog,
  createRecord,
  eventually,
  type Json,
  notificationsOf,
  readRecord,
  startAutomationServer,
  template,
  updateRecord,
} from "./automation-fixture.js";

type User = { id: string; client: ApiClient };

let s: AutomationServer;
let agent: User;
let manager: User;
let lead: User;

/** A case still open one hour after it was reported goes to the support manager, who is told. */
const caseSla = automation(
  "caseSla",
  "case",
  {
    type: "sla",
    after: { amount: 1, unit: "hours" },
    from: "reportedAt",
    unless: { "==": [{ var: "status" }, "closed"] },
  },
  [
    { type: "assignOwner", strategy: "rules", rules: [{ when: true, owner: "supmgr" }] },
    { type: "fieldUpdate", field: "status", value: "escalated" },
    {
      type: "notify",
      template: "caseEscalated",
      to: [{ type: "owner" }, { type: "role", role: "supportLead" }],
    },
  ],
);

beforeAll(async () => {
  s = await startAutomationServer();
  const draft = await s.admin.get<ObjectDefinition>("/api/v1/metadata/draft/object/case");
  expect(draft.status).toBe(200);
  await publish(s.admin, [
    { ...draft.body, fields: [...draft.body.fields, datetime("reportedAt")] },
    role("supportLead"),
    permissionSet("slaFields", { fields: { case: { reportedAt: { read: true, edit: true } } } }),
    template(
      "caseEscalated",
      "notification",
      "case",
      "Case {{record.subject}} escalated",
      "Priority {{display.priority}}.",
    ),
    caseSla,
  ]);
  agent = await createUser(s.admin, "demo", { username: "agent", permissionSets: ["slaFields"] });
  manager = await createUser(s.admin, "demo", { username: "supmgr" });
  lead = await createUser(s.admin, "demo", { username: "suplead", role: "supportLead" });
}, 60_000);
afterAll(async () => s?.close());

/** A case reported so long ago that its one-hour target ends `dueInMs` from now. */
const newCase = (subject: string, dueInMs: number) =>
  createRecord(agent.client, "case", {
    subject,
    status: "new",
    priority: "high",
    reportedAt: new Date(Date.now() - 3_600_000 + dueInMs).toISOString(),
  });
const slaLog = async (id: string) =>
  (await automationLog(s.admin, id)).filter((e) => e.name === "caseSla" && e.kind === "automation");

describe("an SLA on open cases", () => {
  it("escalates a case not closed in time: new owner, new status, both told, history kept", async () => {
    const created = await newCase("Server down", 500);
    expect(created).toMatchObject({ ownerId: agent.id, status: "new" });
    const escalated = await eventually(
      () => readRecord(s.admin, "case", String(created.id)),
      (record) => record.status === "escalated",
    );
    expect(escalated).toMatchObject({ ownerId: manager.id, status: "escalated", version: 2 });
    for (const user of [manager, lead]) {
      const told = await eventually(
        async () => (await notificationsOf(user.client)).filter((n) => n.recordId === created.id),
        (found) => found.length > 0,
      );
      expect(told).toEqual([
        expect.objectContaining({ title: "Case Server down escalated", body: "Priority High." }),
      ]);
    }
    expect((await notificationsOf(agent.client)).filter((n) => n.recordId === created.id)).toEqual([]);
    const history = await s.admin.get<{ entries: Json[] }>(`/api/v1/records/case/${created.id}/history`);
    expect(history.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "ownerId", oldValue: agent.id, newValue: manager.id, version: 2 }),
        expect.objectContaining({ field: "status", oldValue: "new", newValue: "escalated", version: 2 }),
      ]),
    );
    expect(await slaLog(String(created.id))).toEqual([expect.objectContaining({ status: "ok" })]);
  });

  it("skips a case closed in time, changing nothing", async () => {
    const created = await newCase("Password reset", 1500);
    await updateRecord(agent.client, "case", String(created.id), {
      status: "closed",
      resolution: "Reset done",
    });
    const log = await eventually(
      () => slaLog(String(created.id)),
      (entries) => entries.length > 0,
    );
    expect(log).toEqual([
      expect.objectContaining({ status: "skipped", message: "The record met its target in time." }),
    ]);
    expect(await readRecord(s.admin, "case", String(created.id))).toMatchObject({
      ownerId: agent.id,
      status: "closed",
      version: 2,
    });
    expect((await notificationsOf(manager.client)).filter((n) => n.recordId === created.id)).toEqual([]);
  });

  it("escalates at once a case whose target passed before it was entered", async () => {
    const created = await newCase("Old complaint", -60_000);
    const escalated = await eventually(
      () => readRecord(s.admin, "case", String(created.id)),
      (record) => record.status === "escalated",
    );
    expect(escalated.ownerId).toBe(manager.id);
  });
});
