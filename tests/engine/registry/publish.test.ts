import type { FieldDefinition } from "@tessera/metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { number, text } from "../../metadata/builders.js";
import { anObject } from "../support/object-builder.js";
import { expectProblem } from "../support/problem-assertions.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

type Json = Record<string, unknown>;
type Version = { version: number; publishedAt: string; publishedBy: string };

let t: TestServer;

const putDraft = async (doc: { kind: string; name: string }) => {
  const res = await t.admin.put(`/api/v1/metadata/draft/${doc.kind}/${doc.name}`, doc);
  expect(res.status).toBe(200);
};
const publish = (body: Json = {}) => t.admin.post<Json>("/api/v1/metadata/publish", body);
const versions = async () =>
  (await t.admin.get<{ versions: Version[] }>("/api/v1/metadata/versions")).body.versions;

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(async () => {
  await t?.close();
});

describe("publishing the draft", () => {
  it("answers 200 with the new version, its change set and its (empty) impact", async () => {
    const before = await versions();
    await putDraft(anObject("ticket").withField(text("title"), number("priority")).build());
    const res = await publish();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: (before[0]?.version ?? 0) + 1,
      changes: [{ kind: "object", name: "ticket", change: "added" }],
      impact: [],
    });
  });

  it("lists versions newest first, each with when and by whom it was published", async () => {
    const list = await versions();
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list.map((v) => v.version)).toEqual([...list.map((v) => v.version)].sort((a, b) => b - a));
    for (const v of list)
      expect(v).toEqual({
        version: expect.any(Number),
        publishedAt: expect.any(String),
        publishedBy: expect.any(String),
      });
    expect(Date.parse(list[0]?.publishedAt ?? "")).toBeGreaterThanOrEqual(
      Date.parse(list.at(-1)?.publishedAt ?? ""),
    );
  });

  it("refuses a draft identical to the published version with 409 and publishes nothing", async () => {
    const before = await versions();
    const res = await publish();
    expect(expectProblem(res, 409).code).toBe("publish.noChanges");
    expect(await versions()).toEqual(before);
  });

  it("refuses a body other than {} or {force: boolean} with 400", async () => {
    const res = await t.admin.request("POST", "/api/v1/metadata/publish", '{"force": "yes"}');
    expect(expectProblem(res, 400).errors).toEqual([expect.objectContaining({ path: "/force" })]);
  });

  it("is live for the very next request: a new field is accepted at once", async () => {
    const before = await t.admin.post("/api/v1/records/ticket", { title: "Early", severity: "high" });
    expect(expectProblem(before, 422).errors).toEqual([expect.objectContaining({ path: "/severity" })]);
    await putDraft(anObject("ticket").withField(text("title"), number("priority"), text("severity")).build());
    expect((await publish()).status).toBe(200);
    const created = await t.admin.post("/api/v1/records/ticket", { title: "Late", severity: "high" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: "Late", severity: "high" });
    const described = await t.admin.get<{ object: { fields: Array<{ name: string }> } }>(
      "/api/v1/metadata/objects/ticket",
    );
    expect(described.body.object.fields.map((f) => f.name)).toContain("severity");
  });

  it("publishes a 50-field object change and serves it on the next request", async () => {
    const fields: FieldDefinition[] = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0 ? text(`text${i}`, { maxLength: 40 }) : number(`number${i}`, { scale: 0 }),
    );
    await putDraft(anObject("wide").withField(text("title")).build());
    expect((await publish()).status).toBe(200);
    await putDraft(
      anObject("wide")
        .withField(text("title"), ...fields)
        .build(),
    );
    const res = await publish();
    expect(res.status).toBe(200);
    const changed = (res.body.changes as Array<{ name: string; fields?: Array<{ change: string }> }>).find(
      (c) => c.name === "wide",
    );
    expect(changed?.fields?.filter((f) => f.change === "added")).toHaveLength(50);
    const values = Object.fromEntries(fields.map((f, i) => [f.name, i % 2 === 0 ? `v${i}` : String(i)]));
    const created = await t.admin.post("/api/v1/records/wide", { title: "All of them", ...values });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ text0: "v0", number1: 1, text48: "v48", number49: 49 });
    const read = await t.admin.get(`/api/v1/records/wide/${created.body.id}`);
    expect(Object.keys(read.body).filter((k) => /^(text|number)\d+$/.test(k))).toHaveLength(50);
  });

  it("lets exactly one of several racing publishes of one draft win, losing and duplicating no version", async () => {
    const before = (await versions())[0]?.version ?? 0;
    await putDraft(anObject("race").withField(text("title")).build());
    const results = await Promise.all([publish(), publish(), publish(), publish()]);
    const won = results.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    expect(won[0]?.body.version).toBe(before + 1);
    for (const r of results.filter((r) => r.status !== 200)) {
      expect(["publish.concurrent", "publish.noChanges"]).toContain(expectProblem(r, 409).code);
    }
    const after = (await versions()).map((v) => v.version);
    expect(after.slice(0, 2)).toEqual([before + 1, before]);
    expect(new Set(after).size).toBe(after.length);
    expect((await t.admin.post("/api/v1/records/race", { title: "After the race" })).status).toBe(201);
  });
});
