import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../security/support/org-admin.js";
import type { ApiClient } from "../support/api-client.js";
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

let s: AutomationServer;
let rep: { id: string; client: ApiClient };

const webLeadsAreHot = automation(
  "webLeadsAreHot",
  "lead",
  { type: "create" },
  [{ type: "fieldUpdate", field: "rating", value: "hot" }],
  { condition: { "==": [{ var: "source" }, "web"] } },
);
const bigLeadsScore = automation(
  "bigLeadsScore",
  "lead",
  { type: "update" },
  [{ type: "fieldUpdate", field: "score", value: { expression: { "/": [{ var: "employees" }, 10] } } }],
  { condition: { ">": [{ var: "employees" }, 100] } },
);
const financeLeadsNoted = automation(
  "financeLeadsNoted",
  "lead",
  { type: "createOrUpdate" },
  [{ type: "fieldUpdate", field: "description", value: "Finance: check compliance" }],
  { condition: { "==": [{ var: "industry" }, "finance"] } },
);
const contactedTitle = automation(
  "contactedTitle",
  "lead",
  { type: "fieldChange", field: "status", from: "new", to: "working" },
  [{ type: "fieldUpdate", field: "title", value: "Contacted" }],
);

beforeAll(async () => {
  s = await startAutomationServer([webLeadsAreHot, bigLeadsScore, financeLeadsNoted, contactedTitle]);
  rep = await createUser(s.admin, "demo", { username: "rep" });
}, 60_000);
afterAll(async () => s?.close());

const newLead = (body: Json) =>
  createRecord(rep.client, "lead", { lastName: "Li", company: "Acme", status: "new", ...body });
const history = async (id: string) =>
  (await rep.client.get<{ entries: Json[] }>(`/api/v1/records/lead/${id}/history`)).body.entries;
const ranOn = async (name: string, id: string) =>
  (await automationLog(s.admin, id)).filter((e) => e.name === name);

describe("an automation on create", () => {
  it("sets the field in the create itself: the answer and the stored record have it", async () => {
    const lead = await newLead({ source: "web" });
    expect(lead).toMatchObject({ rating: "hot", version: 1 });
    expect(await readRecord(rep.client, "lead", String(lead.id))).toMatchObject({
      rating: "hot",
      version: 1,
    });
    expect(await ranOn("webLeadsAreHot", String(lead.id))).toEqual([
      expect.objectContaining({ kind: "automation", status: "ok", object: "lead" }),
    ]);
  });

  it("does nothing when its condition is false", async () => {
    const lead = await newLead({ source: "event" });
    expect(lead).not.toHaveProperty("rating");
    expect(await ranOn("webLeadsAreHot", String(lead.id))).toEqual([]);
  });

  it("does not run on an update", async () => {
    const lead = await newLead({ source: "event" });
    const updated = await updateRecord(rep.client, "lead", String(lead.id), { source: "web" });
    expect(updated).not.toHaveProperty("rating");
  });
});

describe("an automation on update", () => {
  it("does not run on create, then sets the field in the update, with history by the user", async () => {
    const lead = await newLead({ employees: 500 });
    expect(lead).not.toHaveProperty("score");
    const updated = await updateRecord(rep.client, "lead", String(lead.id), { employees: 800 });
    expect(updated).toMatchObject({ score: 80, employees: 800, version: 2 });
    expect(await history(String(lead.id))).toContainEqual(
      expect.objectContaining({
        field: "score",
        oldValue: null,
        newValue: 80,
        version: 2,
        changedBy: rep.id,
      }),
    );
  });

  it("does nothing when its condition is false", async () => {
    const lead = await newLead({ employees: 5 });
    const updated = await updateRecord(rep.client, "lead", String(lead.id), { employees: 50 });
    expect(updated).not.toHaveProperty("score");
    expect(await ranOn("bigLeadsScore", String(lead.id))).toEqual([]);
  });
});

describe("an automation on create or update", () => {
  it("runs on create", async () => {
    const lead = await newLead({ industry: "finance" });
    expect(lead.description).toBe("Finance: check compliance");
  });

  it("runs on update, overriding what the user wrote in the same write", async () => {
    const lead = await newLead({ industry: "retail" });
    expect(lead).not.toHaveProperty("description");
    const updated = await updateRecord(rep.client, "lead", String(lead.id), {
      industry: "finance",
      description: "mine",
    });
    expect(updated.description).toBe("Finance: check compliance");
    expect(await readRecord(rep.client, "lead", String(lead.id))).toMatchObject({
      description: "Finance: check compliance",
      version: 2,
    });
  });
});

describe("an automation on a field change from one value to another", () => {
  it("runs when status goes from new to working, in the same write and version", async () => {
    const lead = await newLead({});
    const updated = await updateRecord(rep.client, "lead", String(lead.id), { status: "working" });
    expect(updated).toMatchObject({ status: "working", title: "Contacted", version: 2 });
    const entries = await history(String(lead.id));
    expect(entries).toContainEqual(
      expect.objectContaining({ field: "title", oldValue: null, newValue: "Contacted", version: 2 }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ field: "status", oldValue: "new", newValue: "working", version: 2 }),
    );
  });

  it("does not run for another target value, nor from another start value", async () => {
    const lead = await newLead({});
    const nurturing = await updateRecord(rep.client, "lead", String(lead.id), { status: "nurturing" });
    expect(nurturing).not.toHaveProperty("title");
    const working = await updateRecord(rep.client, "lead", String(lead.id), { status: "working" });
    expect(working).not.toHaveProperty("title");
    expect(await ranOn("contactedTitle", String(lead.id))).toEqual([]);
  });

  it("does not run when the field is not changed", async () => {
    const lead = await newLead({ status: "working" });
    const updated = await updateRecord(rep.client, "lead", String(lead.id), { company: "Acme 2" });
    expect(updated).not.toHaveProperty("title");
  });
});
