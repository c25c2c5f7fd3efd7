import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../engine/support/api-client.js";
import { countRecords, expectProblem } from "../engine/support/problem-assertions.js";
import { startTestServer, type TestServer } from "../engine/support/test-server.js";
import { create, createUser, filterQuery, publish } from "./support/org-admin.js";
import { permissionSet, profile } from "./support/security-documents.js";

type Json = Record<string, unknown>;

const SYSTEM = ["id", "version", "ownerId", "createdAt", "createdBy", "updatedAt", "updatedBy"];
// What the permission set grants on opportunity; every other field is hidden from the user.
const EDITABLE = ["name", "account", "stage", "closeDate", "nextStep"];
const READ_ONLY = ["amount"];
const VISIBLE = [...EDITABLE, ...READ_ONLY];
const HIDDEN_TEXT = "Zyxwvut Corp";
const HIDDEN_NOTE = "secret expansion plan";

let t: TestServer;
let limited: ApiClient;
let dealId: string;
let accountId: string;

const deal = `/api/v1/records/opportunity`;
const snapshot = async () => (await t.admin.get<Json>(`${deal}/${dealId}`)).body;
/** A problem body with the field name taken out, to compare a hidden field's refusal with an unknown one's. */
const anonymised = (body: unknown, name: string) =>
  JSON.parse(JSON.stringify(body).replaceAll(name, "<field>"));

beforeAll(async () => {
  t = await startTestServer();
  await publish(t.admin, [
    profile("limitedUser", {
      objects: {
        opportunity: { create: true, read: true, edit: true, delete: true },
        account: { read: true },
        user: { read: true },
      },
    }),
    permissionSet("opportunityFields", {
      fields: {
        opportunity: {
          ...Object.fromEntries(EDITABLE.map((f) => [f, { read: true, edit: true }])),
          ...Object.fromEntries(READ_ONLY.map((f) => [f, { read: true }])),
        },
        account: { industry: { read: true } },
      },
    }),
  ]);
  const user = await createUser(t.admin, "demo", {
    username: "limited",
    profile: "limitedUser",
    permissionSets: ["opportunityFields"],
  });
  limited = user.client;
  accountId = await create(t.admin, "account", { name: "Name hidden from limited", industry: "retail" });
  expect(
    (await t.admin.post(`/api/v1/records/account/${accountId}/owner`, { ownerId: user.id })).status,
  ).toBe(200);
  const created = await limited.post<Json>(deal, {
    name: "FLS deal",
    account: accountId,
    stage: "prospecting",
    closeDate: "2027-06-30",
    nextStep: "call",
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  dealId = String(created.body.id);
  const secret = await t.admin.patch(
    `${deal}/${dealId}`,
    { competitor: HIDDEN_TEXT, description: HIDDEN_NOTE, amount: 777, probability: 40 },
    1,
  );
  expect(secret.status).toBe(200);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("hidden fields are absent from every read path", () => {
  it("get returns system fields and readable fields only", async () => {
    const got = await limited.get<Json>(`${deal}/${dealId}`);
    expect(Object.keys(got.body).sort()).toEqual([...SYSTEM, ...VISIBLE].sort());
    expect(got.body.amount).toBe(777);
  });

  it("list returns readable fields only", async () => {
    const listed = await limited.get<{ records: Json[] }>(`${deal}?limit=200`);
    expect(listed.body.records.map((r) => r.id)).toEqual([dealId]);
    expect(Object.keys(listed.body.records[0] ?? {}).sort()).toEqual([...SYSTEM, ...VISIBLE].sort());
  });

  it("a lookup to a visible record whose name field is hidden shows the id only", async () => {
    expect((await limited.get<Json>(`${deal}/${dealId}`)).body.account).toEqual({ id: accountId });
    const account = await limited.get<Json>(`/api/v1/records/account/${accountId}`);
    expect(account.status).toBe(200);
    expect(Object.keys(account.body).sort()).toEqual([...SYSTEM, "industry"].sort());
  });

  it("history leaves out entries of hidden fields", async () => {
    const mine = await limited.get<{ entries: Json[] }>(`${deal}/${dealId}/history`);
    const admins = await t.admin.get<{ entries: Json[] }>(`${deal}/${dealId}/history`);
    expect(admins.body.entries.map((e) => e.field)).toEqual(
      expect.arrayContaining(["competitor", "description", "probability", "amount"]),
    );
    expect(mine.body.entries.map((e) => e.field).sort()).toEqual(["_created", "amount"]);
    expect(JSON.stringify(mine.body)).not.toContain(HIDDEN_TEXT);
  });

  it("the metadata API describes readable fields only, read-only ones marked", async () => {
    type Described = { object: { fields: Array<{ name: string; readOnly?: boolean }> } };
    const described = await limited.get<Described>("/api/v1/metadata/objects/opportunity");
    const fields = described.body.object.fields;
    expect(fields.map((f) => f.name).sort()).toEqual([...VISIBLE].sort());
    expect(fields.filter((f) => f.readOnly === true).map((f) => f.name)).toEqual(READ_ONLY);
  });

  it("the OpenAPI document describes readable fields only, and editable ones as input", async () => {
    type Doc = { components: { schemas: Record<string, { properties: Json }> } };
    const { schemas } = (await limited.get<Doc>("/api/v1/openapi.json")).body.components;
    expect(Object.keys(schemas.Opportunity?.properties ?? {}).sort()).toEqual([...SYSTEM, ...VISIBLE].sort());
    expect(Object.keys(schemas.OpportunityInput?.properties ?? {}).sort()).toEqual([...EDITABLE].sort());
    expect(Object.keys(schemas.Account?.properties ?? {}).sort()).toEqual([...SYSTEM, "industry"].sort());
    expect(JSON.stringify(schemas)).not.toContain("competitor");
  });
});

describe("hidden fields cannot be used as an oracle", () => {
  const refusal = async (query: string) => {
    const res = await limited.get(`${deal}?${query}`);
    return expectProblem(res, 400);
  };

  it.each([
    ["a filter", (f: string) => filterQuery({ "==": [{ var: f }, HIDDEN_TEXT] })],
    [
      "a nested filter",
      (f: string) => filterQuery({ or: [{ "!": { in: [{ var: f }, ["x"]] } }, { "==": [1, 1] }] }),
    ],
    ["a sort", (f: string) => `sort=-${f}`],
    ["a projection", (f: string) => `fields=name,${f}`],
  ])("%s on a hidden field is refused exactly like one on an unknown field", async (_what, query) => {
    const hidden = await refusal(query("competitor"));
    const unknown = await refusal(query("noSuchField"));
    expect(anonymised(hidden, "competitor")).toEqual(anonymised(unknown, "noSuchField"));
  });

  it("the same requests succeed for the admin, so the refusal is field-level security", async () => {
    const res = await t.admin.get<{ records: Json[] }>(
      `${deal}?${filterQuery({ "==": [{ var: "competitor" }, HIDDEN_TEXT] })}&sort=-competitor&fields=competitor`,
    );
    expect(res.body.records.map((r) => r.id)).toEqual([dealId]);
  });

  it.each([HIDDEN_TEXT, "Zyxw", HIDDEN_NOTE])(
    "search (q=%s) does not match text only in hidden fields",
    async (q) => {
      const query = `q=${encodeURIComponent(q)}&count=true`;
      expect((await limited.get<{ total: number }>(`${deal}?${query}`)).body.total).toBe(0);
      expect((await t.admin.get<{ total: number }>(`${deal}?${query}`)).body.total).toBe(1);
    },
  );
});

describe("writes respect field permissions and refusals change nothing", () => {
  it("writing a read-only field is 422 field.notEditable", async () => {
    const before = await snapshot();
    const res = await limited.patch(
      `${deal}/${dealId}`,
      { amount: 1, nextStep: "ok" },
      Number(before.version),
    );
    expect(expectProblem(res, 422).errors).toEqual([
      { path: "/amount", code: "field.notEditable", message: expect.any(String) },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("writing a hidden field is 422 exactly like an unknown field", async () => {
    const before = await snapshot();
    const hidden = await limited.patch(`${deal}/${dealId}`, { competitor: "x" }, Number(before.version));
    const unknown = await limited.patch(`${deal}/${dealId}`, { noSuchField: "x" }, Number(before.version));
    expect(expectProblem(hidden, 422).errors[0]?.code).toBe("field.unknown");
    expect(anonymised(hidden.body, "competitor")).toEqual(anonymised(unknown.body, "noSuchField"));
    expect(await snapshot()).toEqual(before);
  });

  it("creating with a hidden or read-only field is refused and creates nothing", async () => {
    const count = await countRecords(t.admin, "opportunity");
    const body = { name: "x", account: accountId, stage: "prospecting", closeDate: "2027-01-01" };
    const hidden = await limited.post(deal, { ...body, description: "x" });
    expect(expectProblem(hidden, 422).errors.map((e) => e.code)).toEqual(["field.unknown"]);
    const readOnly = await limited.post(deal, { ...body, amount: 5 });
    expect(expectProblem(readOnly, 422).errors.map((e) => e.code)).toEqual(["field.notEditable"]);
    expect(await countRecords(t.admin, "opportunity")).toBe(count);
  });

  it("an edit by the user keeps the hidden values they could not see", async () => {
    const before = await snapshot();
    const res = await limited.patch(`${deal}/${dealId}`, { nextStep: "demo" }, Number(before.version));
    expect(res.status).toBe(200);
    expect(await snapshot()).toMatchObject({
      competitor: HIDDEN_TEXT,
      description: HIDDEN_NOTE,
      nextStep: "demo",
    });
  });
});
