import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createTenant,
  exportPackage,
  installPackage,
  MetadataCache,
  readPackage,
  writePackage,
} from "@tessera/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, startTestServer, type TestServer } from "../support/test-server.js";

type Doc = Record<string, unknown> & { kind: string; name: string };

let t: TestServer;

const publishedDocuments = async (tenant: string): Promise<Map<string, Doc>> => {
  const store = await t.server.store.tenant(tenant);
  const current = await store.currentVersion();
  const docs = (current?.documents ?? []) as Doc[];
  return new Map(docs.filter((d) => d.kind !== "package").map((d) => [`${d.kind}/${d.name}`, d]));
};

const adminIdOf = async (tenant: string): Promise<string> => {
  const store = await t.server.store.tenant(tenant);
  const page = await store.findRecords("user", {
    filter: { op: "compare", field: "username", operator: "==", value: "admin" },
    sort: [],
    limit: 1,
  });
  return String(page.records[0]?.id);
};

beforeAll(async () => {
  t = await startTestServer();
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe("export, then install into a new tenant", () => {
  it("reproduces the metadata of the sales demo tenant exactly", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "tessera-export-")), "demo-export");
    const demo = await t.server.store.tenant("demo");
    const exported = await exportPackage(demo, { name: "demo-export" });
    // The sales template has server code: the export depends on it rather than copying it.
    expect(exported.manifest.dependencies).toEqual({ sales: expect.stringMatching(/^\^\d+\.\d+\.\d+$/) });
    const count = await writePackage(out, exported);
    expect(count).toBe((await publishedDocuments("demo")).size);
    expect((await readdir(join(out, "metadata"))).sort()).toContain("object");
    const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8")) as Doc;
    expect(manifest).toMatchObject({ kind: "package", name: "demo-export", metadata: ["metadata/"] });

    await createTenant(t.server.store, new MetadataCache(), "copy", { adminPassword: ADMIN_PASSWORD });
    const copy = await t.server.store.tenant("copy");
    const actor = await adminIdOf("copy");
    const withoutSales = await installPackage(copy, new MetadataCache(), await readPackage(out), {
      actor,
    }).then(
      () => undefined,
      (error: { errors?: Array<{ code: string }> }) => error.errors?.[0]?.code,
    );
    expect(withoutSales).toBe("package.dependencyMissing");

    const salesDir = join(process.cwd(), "plugins", "sales");
    await installPackage(copy, new MetadataCache(), await readPackage(salesDir), { actor });
    const result = await installPackage(copy, new MetadataCache(), await readPackage(out), { actor });
    expect(result.status).toBe("installed");

    const original = await publishedDocuments("demo");
    const reproduced = await publishedDocuments("copy");
    expect([...reproduced.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [id, doc] of original) expect(reproduced.get(id), id).toEqual(doc);
  });

  it("refuses to write into a folder that is not empty, and writes nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tessera-export-"));
    const demo = await t.server.store.tenant("demo");
    const exported = await exportPackage(demo, { name: "again" });
    await writePackage(join(dir, "first"), exported);
    const error = await writePackage(join(dir, "first"), exported).then(
      () => undefined,
      (e: { code?: string }) => e.code,
    );
    expect(error).toBe("export.notEmpty");
    expect((await readdir(join(dir, "first"))).sort()).toEqual(["manifest.json", "metadata", "package.json"]);
  });
});
