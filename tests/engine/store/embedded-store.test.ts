import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEmbeddedStore } from "../../../engine/src/store/embedded/index.js";
import { TenantDatabase } from "../../../engine/src/store/embedded/tenant-database.js";
import type { Store } from "../../../engine/src/store/store-port.js";
import { anIndex, aRecord, aSchema, aUniqueIndex, aVersion, desc } from "./builders.js";
import { describeStoreConformance } from "./store-conformance.js";

const tempDir = () => mkdtemp(path.join(os.tmpdir(), "tessera-embedded-"));

describeStoreConformance("embedded", async () => {
  const dataDir = await tempDir();
  return {
    store: await createEmbeddedStore({ dataDir }),
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
});

describe("embedded store files", () => {
  let dataDir: string;
  let store: Store;
  beforeEach(async () => {
    dataDir = await tempDir();
    store = await createEmbeddedStore({ dataDir });
  });
  afterEach(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps one database file per tenant under dataDir/tenants", async () => {
    await store.createTenant("acme");
    await store.createTenant("globex-2");
    const files = (await readdir(path.join(dataDir, "tenants"))).filter((f) => f.endsWith(".db")).sort();
    expect(files).toEqual(["acme.db", "globex-2.db"]);
  });

  it("opens tenant databases in WAL mode with full sync", async () => {
    await store.createTenant("acme");
    const db = new Database(path.join(dataDir, "tenants", "acme.db"), { readonly: true });
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      db.close();
    }
  });

  it("syncs every commit to disk and enforces foreign keys", async () => {
    await store.createTenant("acme");
    const tdb = TenantDatabase.open(path.join(dataDir, "tenants", "acme.db"));
    try {
      expect(tdb.db.pragma("synchronous", { simple: true })).toBe(2);
      expect(tdb.db.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(tdb.db.pragma("busy_timeout", { simple: true })).toBeGreaterThan(0);
    } finally {
      tdb.close();
    }
  });

  it("keeps every acknowledged insert when the writing process is killed", async () => {
    await store.createTenant("acme");
    const acme = await store.tenant("acme");
    await acme.publish(aVersion(1, "note"), 0, aSchema().withObject("note").build());
    await store.close();

    const child = spawn(
      process.execPath,
      [
        "--conditions=source",
        "--import",
        "tsx",
        path.join(import.meta.dirname, "fixtures", "write-until-killed.ts"),
        dataDir,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const acknowledged: string[] = [];
    let buffered = "";
    await new Promise<void>((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", () => resolve());
      child.stdout.on("data", (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        acknowledged.push(...lines);
        if (acknowledged.length >= 30) child.kill("SIGKILL");
      });
    });
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);

    store = await createEmbeddedStore({ dataDir });
    const reopened = await store.tenant("acme");
    const stored = await reopened.getRecords("note", acknowledged);
    expect(stored.map((r) => r.id)).toEqual(acknowledged);
  }, 30_000);

  it.each(["../acme", "Acme", "acme/x", "a".repeat(41), "", "-acme", "acme.db", "acme\n", "..", "1acme"])(
    "refuses the tenant name %j before touching the disk",
    async (name) => {
      await expect(store.createTenant(name)).rejects.toThrow(RangeError);
      await expect(store.tenant(name)).rejects.toThrow(RangeError);
      await expect(store.hasTenant(name)).rejects.toThrow(RangeError);
      expect(await readdir(path.join(dataDir, "tenants"))).toEqual([]);
      expect(existsSync(path.join(dataDir, "acme.db"))).toBe(false);
    },
  );

  it("finds everything again after the data directory is reopened", async () => {
    await store.createTenant("acme");
    const acme = await store.tenant("acme");
    await acme.publish(
      aVersion(1, "invoice"),
      0,
      aSchema().withObject("invoice", aUniqueIndex("code")).build(),
    );
    await acme.insertRecord("invoice", aRecord("r1").with("code", "A").build(), {
      autoNumbers: [{ field: "number", startAt: 1, render: (n) => `N${n}` }],
    });
    await acme.setPasswordHash("u1", "hash");
    await store.close();

    store = await createEmbeddedStore({ dataDir });
    expect(await store.listTenants()).toEqual(["acme"]);
    const reopened = await store.tenant("acme");
    expect(await reopened.currentVersionNumber()).toBe(1);
    expect(await reopened.getRecord("invoice", "r1")).toEqual(
      aRecord("r1").withValues({ code: "A", number: "N1" }).build(),
    );
    expect(await reopened.getPasswordHash("u1")).toBe("hash");
    const next = await reopened.insertRecord("invoice", aRecord("r2").build(), {
      autoNumbers: [{ field: "number", startAt: 1, render: (n) => `N${n}` }],
    });
    expect(next.number).toBe("N2");
    await expect(
      reopened.insertRecord("invoice", aRecord("r3").with("code", "A").build()),
    ).rejects.toMatchObject({
      code: "uniqueViolation",
    });
  });

  it("is unusable after close", async () => {
    await store.createTenant("acme");
    const acme = await store.tenant("acme");
    await store.close();
    await expect(store.tenant("acme")).rejects.toThrow();
    await expect(acme.listDraft()).rejects.toThrow();
  });
});

describe("embedded store indexes", () => {
  let dataDir: string;
  let store: Store;
  beforeEach(async () => {
    dataDir = await tempDir();
    store = await createEmbeddedStore({ dataDir });
    await store.createTenant("acme");
  });
  afterEach(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const indexesOf = (table: string): Array<{ name: string; sql: string }> => {
    const db = new Database(path.join(dataDir, "tenants", "acme.db"), { readonly: true });
    try {
      return db
        .prepare(
          "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
        )
        .all(table) as Array<{ name: string; sql: string }>;
    } finally {
      db.close();
    }
  };

  it("names tables and indexes apart although SQLite ignores ASCII case in names", async () => {
    const acme = await store.tenant("acme");
    await acme.publish(
      aVersion(1, "dealLine"),
      0,
      aSchema().withObject("dealLine", aUniqueIndex("codeA")).build(),
    );
    expect(indexesOf("r_deal_line")).toEqual([
      {
        name: "deal^line:code^a:unique_code^a",
        sql: `CREATE UNIQUE INDEX "deal^line:code^a:unique_code^a" ON "r_deal_line" ((data ->> '$.codeA') ASC)`,
      },
    ]);
  });

  it("leaves unchanged indexes alone", async () => {
    const acme = await store.tenant("acme");
    const schema = aSchema().withObject("deal", anIndex("byStage", "stage"), aUniqueIndex("code")).build();
    await acme.publish(aVersion(1, "deal"), 0, schema);
    const schemaVersion = () => {
      const db = new Database(path.join(dataDir, "tenants", "acme.db"), { readonly: true });
      try {
        return db.pragma("schema_version", { simple: true });
      } finally {
        db.close();
      }
    };
    const before = schemaVersion();
    await acme.publish(aVersion(2, "deal"), 1, schema);
    expect(schemaVersion()).toBe(before);
  });

  it("creates listed indexes and drops the rest", async () => {
    const acme = await store.tenant("acme");
    await acme.publish(
      aVersion(1, "deal"),
      0,
      aSchema()
        .withObject(
          "deal",
          anIndex("byStage", "stage", desc("amount")),
          aUniqueIndex("code"),
          anIndex("byOwner", "ownerId"),
        )
        .build(),
    );
    expect(indexesOf("r_deal")).toEqual([
      {
        name: "deal:code:unique_code",
        sql: `CREATE UNIQUE INDEX "deal:code:unique_code" ON "r_deal" ((data ->> '$.code') ASC)`,
      },
      {
        name: "deal:owner^id:by^owner",
        sql: `CREATE INDEX "deal:owner^id:by^owner" ON "r_deal" (owner_id ASC, id ASC)`,
      },
      {
        name: "deal:stage:by^stage",
        sql: `CREATE INDEX "deal:stage:by^stage" ON "r_deal" ((data ->> '$.stage') ASC, (data ->> '$.amount') DESC, id ASC)`,
      },
    ]);
    await acme.publish(
      aVersion(2, "deal"),
      1,
      aSchema()
        .withObject("deal", anIndex("byStage", "stage", desc("amount")))
        .build(),
    );
    expect(indexesOf("r_deal").map((i) => i.name)).toEqual(["deal:stage:by^stage"]);
  });
});
