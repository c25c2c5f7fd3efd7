import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../security/support/org-admin.js";
import type { ApiClient } from "../support/api-client.js";
import { expectProblem } from "../support/problem-assertions.js";
import {
  type AutomationServer,
  automation,
  automationLog,
  createRecord,
  type Json,
  readRecord,
  startAutomationServer,
  updateRecord,
} from "./automation-fixture.js";

type User = { id: string; client: ApiClient };

let s: AutomationServer;
let rep: User;
let east: User;
let finance: User;
let members: User[];

const leadRouting = automation("leadRouting", "lead", { type: "createOrUpdate" }, [
  {
    type: "assignOwner",
    strategy: "rules",
    rules: [
      { when: { "==": [{ var: "region" }, "eastChina"] }, owner: "east" },
      { when: { "==": [{ var: "industry" }, "finance"] }, owner: "fin" },
    ],
  },
]);
const inboundAccounts = automation(
  "inboundAccounts",
  "account",
  { type: "create" },
  [{ type: "assignOwner", strategy: "roundRobin", group: "inbound" }],
  { condition: { "==": [{ var: "type" }, "prospect"] } },
);

beforeAll(async () => {
  s = await startAutomationServer([leadRouting, inboundAccounts]);
  rep = await createUser(s.admin, "demo", { username: "rep" });
  east = await createUser(s.admin, "demo", { username: "east" });
  finance = await createUser(s.admin, "demo", { username: "fin" });
  const group = await createRecord(s.admin, "group", { name: "inbound", label: "Inbound desk" });
  members = [];
  for (const username of ["rr1", "rr2", "rr3"])
    members.push(await createUser(s.admin, "demo", { username, groups: [String(group.id)] }));
}, 60_000);
afterAll(async () => s?.close());

const newLead = (body: Json) =>
  createRecord(rep.client, "lead", { lastName: "Wang", company: "Acme", status: "new", ...body });

describe("assignment by rules", () => {
  it("gives an East China lead to the East China rep in the create itself", async () => {
    const lead = await newLead({ region: "eastChina", industry: "finance" });
    expect(lead.ownerId).toBe(east.id);
    expect((await readRecord(east.client, "lead", String(lead.id))).ownerId).toBe(east.id);
    // The lead is private: its creator lost it with the ownership.
    expectProblem(await rep.client.get(`/api/v1/records/lead/${lead.id}`), 404);
  });

  it("falls through to the next rule: a finance lead elsewhere goes to finance", async () => {
    const lead = await newLead({ region: "southChina", industry: "finance" });
    expect(lead.ownerId).toBe(finance.id);
  });

  it("leaves the owner unchanged when no rule matches", async () => {
    const lead = await newLead({ region: "westChina", industry: "retail" });
    expect(lead.ownerId).toBe(rep.id);
    expect(await readRecord(rep.client, "lead", String(lead.id))).toMatchObject({
      ownerId: rep.id,
      version: 1,
    });
  });

  it("reassigns on update when the region changes, and the history shows the new owner", async () => {
    const lead = await newLead({ region: "westChina" });
    const updated = await updateRecord(rep.client, "lead", String(lead.id), { region: "eastChina" });
    expect(updated).toMatchObject({ ownerId: east.id, version: 2 });
    const history = await s.admin.get<{ entries: Json[] }>(`/api/v1/records/lead/${lead.id}/history`);
    expect(history.body.entries).toContainEqual(
      expect.objectContaining({ field: "ownerId", oldValue: rep.id, newValue: east.id, version: 2 }),
    );
  });
});

describe("round-robin assignment over a group", () => {
  it("hands three new prospects to the three members in turn, then starts again", async () => {
    const order = [...members].sort((a, b) => a.id.localeCompare(b.id));
    const owners: unknown[] = [];
    for (let i = 0; i < 4; i++)
      owners.push(
        (await createRecord(s.admin, "account", { name: `Prospect ${i}`, type: "prospect" })).ownerId,
      );
    expect(owners).toEqual([order[0]?.id, order[1]?.id, order[2]?.id, order[0]?.id]);
    for (const [i, owner] of owners.entries()) {
      const member = order.find((m) => m.id === owner);
      const mine = await member?.client.get<{ records: Json[] }>("/api/v1/records/account?limit=50");
      expect(mine?.body.records.map((r) => r.name)).toContain(`Prospect ${i}`);
    }
  });

  it("does not assign when its condition is false", async () => {
    const account = await createRecord(s.admin, "account", { name: "A customer", type: "customer" });
    expect(account.ownerId).toBe(s.adminId);
    expect((await automationLog(s.admin, String(account.id))).map((e) => e.name)).not.toContain(
      "inboundAccounts",
    );
  });
});
