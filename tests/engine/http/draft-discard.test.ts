import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FieldDefinition, JsonObject } from "@tessera/metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EngineError } from "../../../engine/src/errors/engine-error.js";
import { discardDraft } from "../../../engine/src/registry/discard-draft.js";
import { createEmbeddedStore } from "../../../engine/src/store/embedded/index.js";
import { number, text } from "../../metadata/builders.js";
import { createUser } from "../../security/support/org-admin.js";
import type { ApiClient } from "../support/api-client.js";
import { anObject } from "../support/object-builder.js";
import { expectProblem } from "../support/problem-assertions.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

type Json = Record<string, unknown>;
type Entry = { kind: string; name: string; document: Json; updatedAt: string; updatedBy: string };
type AuditEvents = { events: Array<{ type: string; actorName?: string; target?: Json; details?: Json }> };

const DISCARD = "/api/v1/metadata/draft/discard";

let t: TestServer;
let rep: ApiClient;

const objectDoc = (name: string, ...fields: FieldDefinition[]) =>
  anObject(name)
    .withField(text("title"), ...fields)
    .build();
const putDraft = async (doc: { kind: string; name: string }) => {
  const res = await t.admin.put(`/api/v1/metadata/draft/${doc.kind}/${doc.name}`, doc);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
const draft = async () =>
  (await t.admin.get<{ documents: Entry[] }>("/api/v1/metadata/draft/documents")).body.documents;
const latest = async () => {
  const list = await t.admin.get<{ versions: Array<{ version: number }> }>("/api/v1/metadata/versions");
  const version = list.body.versions[0]?.version ?? 0;
  return (await t.admin.get<{ version: number; documents: Json[] }>(`/api/v1/metadata/versions/${version}`))
    .body;
};
const byId = (documents: ReadonlyArray<{ kind: unknown; name: unknown }>) =>
  new Map(documents.map((d) => [`${String(d.kind)}/${String(d.name)}`, d]));

beforeAll(async () => {
  t = await startTestServer();
  rep = (await createUser(t.admin, "demo", { username: "rep" })).client;
  await putDraft(objectDoc("alpha"));
  await putDraft(objectDoc("beta"));
  expect((await t.admin.post("/api/v1/metadata/publish", {})).status).toBe(200);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("discarding the draft's changes", () => {
  let untouched: Entry | undefined;

  it("answers 204 and makes the draft the published version's documents again", async () => {
    untouched = (await draft()).find((e) => e.kind === "object" && e.name === "account");
    await putDraft(objectDoc("alpha", number("size")));
    expect((await t.admin.delete("/api/v1/metadata/draft/object/beta")).status).toBe(204);
    await putDraft(objectDoc("gamma"));
    const res = await t.admin.post(DISCARD, {});
    expect(res.status).toBe(204);
    const published = await latest();
    const documents = byId((await draft()).map((e) => e.document as { kind: string; name: string }));
    expect(documents).toEqual(byId(published.documents as Array<{ kind: string; name: string }>));
    expect(documents.get("object/alpha")).toEqual(objectDoc("alpha"));
    expect(documents.has("object/beta")).toBe(true);
    expect(documents.has("object/gamma")).toBe(false);
  });

  it("leaves the documents the draft had not changed as they were, dates included", async () => {
    expect(untouched).toBeDefined();
    expect((await draft()).find((e) => e.kind === "object" && e.name === "account")).toEqual(untouched);
  });

  it("leaves nothing to publish", async () => {
    const preview = await t.admin.post("/api/v1/metadata/draft/preview", {});
    expect(preview.body).toEqual({ changes: [], impact: [], issues: [] });
  });

  it("is recorded in the audit log with every document whose changes were thrown away", async () => {
    const log = await t.admin.get<AuditEvents>("/api/v1/audit?type=metadata.draftDiscarded");
    expect(log.status).toBe(200);
    const version = (await latest()).version;
    expect(log.body.events).toEqual([
      expect.objectContaining({
        type: "metadata.draftDiscarded",
        actorName: "admin",
        target: { object: "metadata", id: String(version), name: `version ${version}` },
        details: {
          version,
          discarded: expect.arrayContaining([
            { kind: "object", name: "alpha", change: "changed" },
            { kind: "object", name: "beta", change: "removed" },
            { kind: "object", name: "gamma", change: "added" },
          ]),
        },
      }),
    ]);
    expect(log.body.events[0]?.details?.discarded).toHaveLength(3);
  });

  it("with nothing changed, answers 204 and records that nothing was discarded", async () => {
    const before = await draft();
    expect((await t.admin.post(DISCARD)).status).toBe(204);
    expect(await draft()).toEqual(before);
    const log = await t.admin.get<AuditEvents>("/api/v1/audit?type=metadata.draftDiscarded&limit=1");
    expect(log.body.events[0]?.details?.discarded).toEqual([]);
  });
});

describe("a discard that is refused", () => {
  it("answers 400 naming an option discarding does not have, and keeps the draft", async () => {
    await putDraft(objectDoc("delta"));
    const before = await draft();
    const problem = expectProblem(await t.admin.post(DISCARD, { force: true }), 400);
    expect(problem.errors.map((e) => e.path)).toEqual(["/force"]);
    expect(await draft()).toEqual(before);
  });

  it("answers 400 to a body that is not an object, and keeps the draft", async () => {
    const before = await draft();
    const problem = expectProblem(await t.admin.post(DISCARD, ["all"]), 400);
    expect(problem.errors.map((e) => e.path)).toEqual([""]);
    expect(await draft()).toEqual(before);
  });

  it("answers 403 to a user without manageMetadata, and keeps the draft", async () => {
    const before = await draft();
    expectProblem(await rep.post(DISCARD, {}), 403);
    expect(await draft()).toEqual(before);
    expect(byId(before).has("object/delta")).toBe(true);
  });

  it("answers 401 to a caller who is not signed in", async () => {
    expectProblem(await t.anonymous().post(DISCARD, {}), 401);
    expect(byId(await draft()).has("object/delta")).toBe(true);
  });
});

describe("discarding before anything is published", () => {
  // Every tenant the server can sign in to has published version 1 at creation, so this case is
  // reached on a real store holding a tenant whose draft was never published.
  it("is refused with 409 discard.nothingPublished and keeps the draft", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "tessera-discard-"));
    const store = await createEmbeddedStore({ dataDir });
    try {
      await store.createTenant("fresh");
      const tenant = await store.tenant("fresh");
      const doc = objectDoc("alpha") as unknown as JsonObject;
      await tenant.putDraft({
        kind: "object",
        name: "alpha",
        document: doc,
        updatedAt: "2026-01-01T00:00:00.000Z",
        updatedBy: "u1",
      });
      const before = await tenant.listDraft();
      const refused = await discardDraft(tenant, "u1").catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(EngineError);
      expect(refused).toMatchObject({ status: 409, code: "discard.nothingPublished" });
      expect(await tenant.listDraft()).toEqual(before);
    } finally {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
