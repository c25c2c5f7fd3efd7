import type { ObjectDefinition } from "@tessera/metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../engine/support/api-client.js";
import { anObject } from "../engine/support/object-builder.js";
import { expectProblem } from "../engine/support/problem-assertions.js";
import { startTestServer, type TestServer } from "../engine/support/test-server.js";
import { currency, text } from "../metadata/builders.js";
import { create, createUser, filterQuery, publish } from "./support/org-admin.js";
import { permissionSet } from "./support/security-documents.js";

type Json = Record<string, unknown>;

let t: TestServer;
let rep: ApiClient;
let dealId: string;

const OPPORTUNITY = "/api/v1/metadata/draft/object/opportunity";
const opportunityDraft = async () => (await t.admin.get<ObjectDefinition>(OPPORTUNITY)).body;
const publishForced = async () => {
  const res = await t.admin.post("/api/v1/metadata/publish", { force: true });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
const repSeesMargin = async () =>
  Object.hasOwn((await rep.get<Json>(`/api/v1/records/opportunity/${dealId}`)).body, "margin");

beforeAll(async () => {
  t = await startTestServer();
  rep = (await createUser(t.admin, "demo", { username: "rep" })).client;
  const account = await create(rep, "account", { name: "Rep's account" });
  dealId = await create(rep, "opportunity", {
    name: "Rep's deal",
    account,
    stage: "proposal",
    closeDate: "2027-01-01",
  });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("a new object is invisible until granted", () => {
  beforeAll(async () => {
    await publish(t.admin, [anObject("secretProject").withField(text("name")).build()]);
    await create(t.admin, "secretProject", { name: "Project X" });
  });

  it("does not exist for a standard user on any path (404), while the admin uses it", async () => {
    expectProblem(await rep.get("/api/v1/records/secretProject"), 404);
    expectProblem(await rep.post("/api/v1/records/secretProject", { name: "mine" }), 404);
    expectProblem(await rep.get("/api/v1/metadata/objects/secretProject"), 404);
    const objects = await rep.get<{ objects: Json[] }>("/api/v1/metadata/objects");
    expect(objects.body.objects.map((o) => o.name)).not.toContain("secretProject");
    const openapi = await rep.get<{ components: { schemas: Json } }>("/api/v1/openapi.json");
    expect(Object.keys(openapi.body.components.schemas)).not.toContain("SecretProject");
    expect(
      (await t.admin.get<{ records: Json[] }>("/api/v1/records/secretProject")).body.records,
    ).toHaveLength(1);
  });

  it("appears once a permission set grants it, with the granted fields only", async () => {
    await publish(t.admin, [
      permissionSet("projectReaders", { objects: { secretProject: { read: true, viewAll: true } } }),
    ]);
    await create(t.admin, "permissionSetAssignment", {
      assignee: await repId(),
      permissionSet: "projectReaders",
    });
    const listed = await rep.get<{ records: Json[] }>("/api/v1/records/secretProject");
    expect(listed.body.records.map((r) => Object.keys(r).includes("name"))).toEqual([false]);
  });
});

const repId = async () => {
  const users = await t.admin.get<{ records: Json[] }>(
    `/api/v1/records/user?${filterQuery({ "==": [{ var: "username" }, "rep"] })}`,
  );
  return String(users.body.records[0]?.id);
};

describe("a new field is hidden until granted, and a deleted field's grant does not come back", () => {
  it("a field added to a standard object is hidden from standard users", async () => {
    const doc = await opportunityDraft();
    await publish(t.admin, [{ ...doc, fields: [...doc.fields, currency("margin")] }]);
    const patched = await t.admin.patch(`/api/v1/records/opportunity/${dealId}`, { margin: 42 }, 1);
    expect(patched.status).toBe(200);
    expect(await repSeesMargin()).toBe(false);
    expectProblem(
      await rep.get(`/api/v1/records/opportunity?${filterQuery({ ">": [{ var: "margin" }, 0] })}`),
      400,
    );
  });

  it("a grant makes it visible", async () => {
    await publish(t.admin, [
      permissionSet("marginReaders", { fields: { opportunity: { margin: { read: true } } } }),
    ]);
    await create(t.admin, "permissionSetAssignment", {
      assignee: await repId(),
      permissionSet: "marginReaders",
    });
    expect(await repSeesMargin()).toBe(true);
  });

  it("deleting the field cannot leave the grant behind for a new field of the same name", async () => {
    const doc = await opportunityDraft();
    const put = await t.admin.put(OPPORTUNITY, {
      ...doc,
      fields: doc.fields.filter((f) => f.name !== "margin"),
    });
    expect(put.status).toBe(200);
    const refused = await t.admin.post("/api/v1/metadata/publish", { force: true });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain("permissionSet.unknownField");
    await t.admin.put(
      "/api/v1/metadata/draft/permissionSet/marginReaders",
      permissionSet("marginReaders", {}),
    );
    await publishForced();
    await publish(t.admin, [
      { ...doc, fields: [...doc.fields.filter((f) => f.name !== "margin"), currency("margin")] },
    ]);
    expect(await repSeesMargin()).toBe(false);
  });
});
