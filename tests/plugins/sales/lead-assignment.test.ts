import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../engine/support/problem-assertions.js";
import {
  create,
  findRecords,
  type Json,
  read,
  type SalesServer,
  type SalesUser,
  startSalesServer,
  theRecord,
  unique,
} from "./sales-fixture.js";

let s: SalesServer;
let adminId: string;
const userIds = new Map<string, string>();
let deskMembers: string[];
let wangFang: SalesUser;

beforeAll(async () => {
  s = await startSalesServer();
  adminId = String((await theRecord(s.admin, "user", "username", "admin")).id);
  for (const username of ["zhang.wei", "wang.fang", "chen.jing", "wu.ting"])
    userIds.set(username, String((await theRecord(s.admin, "user", "username", username)).id));
  const desk = await theRecord(s.admin, "group", "name", "leadDesk");
  const members = await findRecords(s.admin, "groupMember", { "==": [{ var: "group" }, desk.id] });
  deskMembers = members.map((m) => String((m.member as Json).id ?? m.member)).sort();
  wangFang = await s.as("wang.fang");
}, 60_000);
afterAll(async () => s?.close());

const userId = (username: string): string => userIds.get(username) ?? "";

const newLead = (values: Json, client = s.admin) =>
  create(client, "lead", { lastName: "Lin", company: unique("Assigned Co."), status: "new", ...values });

describe("assignment by region and industry", () => {
  it("gives an East China manufacturing lead to the East China manufacturing specialist, and clears the box", async () => {
    const lead = await newLead({ autoAssign: true, region: "eastChina", industry: "manufacturing" });
    expect(lead).toMatchObject({ ownerId: userId("zhang.wei"), autoAssign: false, version: 1 });
    expect(await read(s.admin, "lead", String(lead.id))).toMatchObject({ ownerId: userId("zhang.wei") });
  });

  it("gives a healthcare lead to the healthcare specialist before any region rule", async () => {
    const lead = await newLead({ autoAssign: true, region: "eastChina", industry: "healthcare" });
    expect(lead.ownerId).toBe(userId("chen.jing"));
  });

  it("gives other East and South China leads to the region's rep", async () => {
    const east = await newLead({ autoAssign: true, region: "eastChina", industry: "retail" });
    const south = await newLead({ autoAssign: true, region: "southChina", industry: "retail" });
    expect([east.ownerId, south.ownerId]).toEqual([userId("wang.fang"), userId("wu.ting")]);
  });

  it("leaves the owner alone when the lead is not marked for automatic assignment", async () => {
    const lead = await newLead({ region: "eastChina", industry: "manufacturing" });
    expect(lead).toMatchObject({ ownerId: adminId, autoAssign: false });
  });

  it("assigns an existing lead when a user marks it, and the history shows the new owner", async () => {
    const lead = await newLead({ region: "southChina", industry: "logistics" });
    const updated = await s.admin.patch<Json>(`/api/v1/records/lead/${lead.id}`, { autoAssign: true }, 1);
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ ownerId: userId("wu.ting"), autoAssign: false, version: 2 });
    const history = await s.admin.get<{ entries: Json[] }>(`/api/v1/records/lead/${lead.id}/history`);
    expect(history.body.entries).toContainEqual(
      expect.objectContaining({
        field: "ownerId",
        oldValue: adminId,
        newValue: userId("wu.ting"),
        version: 2,
      }),
    );
  });

  it("takes a rep's own lead away when the rules give it to another region: it is private", async () => {
    const lead = await newLead(
      { autoAssign: true, region: "southChina", industry: "retail" },
      wangFang.client,
    );
    expect(lead.ownerId).toBe(userId("wu.ting"));
    expectProblem(await wangFang.client.get(`/api/v1/records/lead/${lead.id}`), 404);
  });
});

describe("assignment in turn over the lead desk", () => {
  it("hands leads no rule covers to the lead desk members one after the other", async () => {
    expect(deskMembers).toHaveLength(4);
    const owners: string[] = [];
    for (const region of ["northChina", "westChina", "centralChina", "international", "northChina"])
      owners.push(String((await newLead({ autoAssign: true, region, industry: "retail" })).ownerId));
    const start = deskMembers.indexOf(owners[0] ?? "");
    expect(start).toBeGreaterThanOrEqual(0);
    expect(owners).toEqual([0, 1, 2, 3, 4].map((i) => deskMembers[(start + i) % deskMembers.length]));
  });

  it("also takes a lead with no region at all", async () => {
    const lead = await newLead({ autoAssign: true });
    expect(deskMembers).toContain(lead.ownerId);
    expect(lead.autoAssign).toBe(false);
  });
});
