import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTenant, installPackage, MetadataCache, readPackage } from "@tessera/engine";
import type { MetadataDocument } from "@tessera/metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { number, text, textarea } from "../../metadata/builders.js";
import { type ApiClient, apiClient } from "../support/api-client.js";
import { writeFixturePackage } from "../support/fixture-package.js";
import { anObject } from "../support/object-builder.js";
import { ADMIN_PASSWORD, startTestServer, type TestServer } from "../support/test-server.js";

type Documents = { documents: Array<{ kind: string; name: string; document: Record<string, unknown> }> };

const visit = (...extra: Parameters<ReturnType<typeof anObject>["withField"]>) =>
  anObject("siteVisit")
    .sharedAs("publicReadWrite")
    .withField(text("subject", { required: true }), ...extra)
    .build();

const visitList: MetadataDocument = {
  kind: "listView",
  name: "allVisits",
  object: "siteVisit",
  label: { en: "All visits", "zh-CN": "全部拜访" },
  columns: ["subject"],
};

let t: TestServer;
let admin: ApiClient;
let adminId: string;
const tenant = "pkgs";

const install = async (dir: string, options: { force?: boolean; sampleData?: boolean } = {}) => {
  const store = await t.server.store.tenant(tenant);
  return installPackage(store, new MetadataCache(), await readPackage(dir), { actor: adminId, ...options });
};

const published = async (): Promise<Map<string, Record<string, unknown>>> => {
  const res = await admin.get<Documents>("/api/v1/metadata/draft/documents");
  return new Map(res.body.documents.map((d) => [`${d.kind}/${d.name}`, d.document]));
};

const refusal = async (run: Promise<unknown>) => {
  const error = (await run.then(
    () => undefined,
    (e: unknown) => e,
  )) as { status?: number; code?: string; title?: string; errors?: Array<{ code: string; path: string }> };
  expect(error).toBeDefined();
  return error;
};

beforeAll(async () => {
  // No plugins: these packages are metadata only, and the demo tenant needs no template here.
  t = await startTestServer({ config: { pluginsDir: await mkdtemp(join(tmpdir(), "tessera-no-plugins-")) } });
  await createTenant(t.server.store, new MetadataCache(), tenant, { adminPassword: ADMIN_PASSWORD });
  admin = apiClient(t.server.url);
  await admin.login(tenant, "admin", ADMIN_PASSWORD);
  const me = await admin.get<{ records: Array<{ id: string }> }>(
    `/api/v1/records/user?filter=${encodeURIComponent(JSON.stringify({ "==": [{ var: "username" }, "admin"] }))}`,
  );
  adminId = String(me.body.records[0]?.id);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe("installing a package", () => {
  it("publishes its documents and its manifest as one new version, with sample data", async () => {
    const dir = await writeFixturePackage(
      { name: "visits", version: "1.0.0" },
      [visit(textarea("notes")), visitList],
      {
        records: [
          { object: "siteVisit", key: "first", values: { subject: "Kick-off", notes: "on site" } },
          { object: "siteVisit", values: { subject: "Follow-up", notes: { $ref: "first" } } },
        ],
      },
    );
    const result = await install(dir, { sampleData: true });
    expect(result.status).toBe("installed");
    expect(result.publish?.changes.map((c) => `${c.change} ${c.kind}/${c.name}`).sort()).toEqual([
      "added listView/allVisits",
      "added object/siteVisit",
      "added package/visits",
    ]);
    expect(result.sampleData?.records).toEqual({ siteVisit: 2 });
    const docs = await published();
    expect(docs.get("package/visits")?.version).toBe("1.0.0");
    const list = await admin.get<{ records: Array<Record<string, unknown>> }>(
      "/api/v1/records/siteVisit?sort=subject",
    );
    expect(list.body.records.map((r) => r.subject)).toEqual(["Follow-up", "Kick-off"]);
    // The $ref resolved to the first record's id.
    expect(list.body.records[0]?.notes).toBe(list.body.records[1]?.id);
  });

  it("is idempotent: the installed version again changes nothing", async () => {
    const before = (await admin.get<{ versions: unknown[] }>("/api/v1/metadata/versions")).body;
    const dir = await writeFixturePackage({ name: "visits", version: "1.0.0" }, [
      visit(textarea("notes")),
      visitList,
    ]);
    const result = await install(dir, { sampleData: true });
    expect(result.status).toBe("unchanged");
    expect(result.publish).toBeUndefined();
    expect((await admin.get("/api/v1/metadata/versions")).body).toEqual(before);
  });

  it("upgrades by applying the difference: new fields added, documents it dropped removed", async () => {
    const dir = await writeFixturePackage({ name: "visits", version: "1.1.0" }, [
      visit(textarea("notes"), number("duration")),
    ]);
    const result = await install(dir);
    expect(result).toMatchObject({ status: "upgraded", previousVersion: "1.0.0", version: "1.1.0" });
    expect(result.publish?.changes.map((c) => `${c.change} ${c.kind}/${c.name}`).sort()).toEqual([
      "changed object/siteVisit",
      "changed package/visits",
      "removed listView/allVisits",
    ]);
    const docs = await published();
    expect(docs.has("listView/allVisits")).toBe(false);
    const fields = (docs.get("object/siteVisit")?.fields ?? []) as Array<{ name: string }>;
    expect(fields.map((f) => f.name)).toContain("duration");
  });

  it("refuses an upgrade that would lose data unless forced, with its impact, and changes nothing", async () => {
    const before = await published();
    const dir = await writeFixturePackage({ name: "visits", version: "2.0.0" }, [visit(number("duration"))]);
    const error = await refusal(install(dir));
    expect(error.status).toBe(409);
    expect(error.code).toBe("publish.destructive");
    expect(await published()).toEqual(before);
    const forced = await install(dir, { force: true });
    expect(forced.publish?.impact.length).toBeGreaterThan(0);
    expect((await published()).get("package/visits")?.version).toBe("2.0.0");
  });

  it("refuses a downgrade", async () => {
    const before = await published();
    const dir = await writeFixturePackage({ name: "visits", version: "1.5.0" }, [visit(number("duration"))]);
    const error = await refusal(install(dir));
    expect(error).toMatchObject({ status: 409, code: "package.downgrade" });
    expect(await published()).toEqual(before);
  });

  it("refuses a package whose dependency is missing, or that needs another Tessera", async () => {
    const before = await published();
    const needsCrm = await writeFixturePackage(
      { name: "visit-reports", version: "1.0.0", dependencies: { "field-service": "^2.0.0" } },
      [],
    );
    const missing = await refusal(install(needsCrm));
    expect(missing.errors?.[0]).toMatchObject({
      code: "package.dependencyMissing",
      path: "/dependencies/field-service",
    });
    const future = await writeFixturePackage(
      { name: "visit-reports", version: "1.0.0", tessera: ">=9.0.0" },
      [],
    );
    const tooNew = await refusal(install(future));
    expect(tooNew.errors?.[0]).toMatchObject({ code: "package.tesseraVersion", path: "/tessera" });
    expect(await published()).toEqual(before);
  });

  it("refuses invalid documents with their problems and leaves the draft as it was", async () => {
    const before = await published();
    const broken = anObject("brokenThing").withField(text("name")).build();
    const dir = await writeFixturePackage({ name: "broken", version: "1.0.0" }, [
      { ...broken, recordName: "nothingLikeThis" } as MetadataDocument,
    ]);
    const error = await refusal(install(dir));
    expect(error.status).toBe(422);
    expect(error.errors).toContainEqual(
      expect.objectContaining({ path: "/object/brokenThing/recordName", code: "object.unknownRecordName" }),
    );
    expect(await published()).toEqual(before);
    const draft = await admin.get<{ documents: unknown[] }>("/api/v1/metadata/draft/documents");
    expect(draft.body.documents).toHaveLength(before.size);
  });

  it("refuses while the draft has unpublished changes", async () => {
    const put = await admin.put("/api/v1/metadata/draft/listView/pending", { ...visitList, name: "pending" });
    expect(put.status).toBe(200);
    const dir = await writeFixturePackage({ name: "other", version: "1.0.0" }, []);
    const error = await refusal(install(dir));
    expect(error).toMatchObject({ status: 409, code: "package.draftPending" });
    expect((await published()).has("package/other")).toBe(false);
    expect((await admin.post("/api/v1/metadata/draft/discard")).status).toBe(204);
  });
});
