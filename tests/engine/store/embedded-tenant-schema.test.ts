import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEmbeddedStore } from "../../../engine/src/store/embedded/index.js";
import { TENANT_SCHEMA_VERSION } from "../../../engine/src/store/embedded/tenant-schema.js";

let dataDir: string;
const dbFile = () => path.join(dataDir, "tenants", "acme.db");

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "tessera-schema-"));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs `fn` on the tenant database file with a connection of its own, the store being closed. */
const onFile = <T>(fn: (db: Database.Database) => T): T => {
  const db = new Database(dbFile(), { fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
};

/** Drops the tables layouts 4 and 5 added, as a database made before them lacks them. */
const dropLayouts4And5 = (db: Database.Database): void => {
  db.exec("DROP TABLE entries");
  for (const table of ["jobs", "work_items", "notifications", "outbox_emails", "automation_log", "settings"])
    db.exec(`DROP TABLE ${table}`);
};

describe("tenant database layout", () => {
  it("brings a layout 1 database (before the audit log) up to date when it is opened", async () => {
    const first = await createEmbeddedStore({ dataDir });
    await first.createTenant("acme");
    const before = await first.tenant("acme");
    await before.setPasswordHash("u1", "scrypt$kept");
    await first.close();
    onFile((db) => {
      dropLayouts4And5(db);
      db.exec("DROP TABLE api_keys");
      db.exec("DROP TABLE audit_events");
      db.pragma("user_version = 1");
    });

    const reopened = await createEmbeddedStore({ dataDir });
    const acme = await reopened.tenant("acme");
    await acme.appendAudit({ id: "e1", at: "2025-01-01T10:00:00.000Z", type: "logout" });
    expect(await acme.listAudit({})).toEqual([{ id: "e1", at: "2025-01-01T10:00:00.000Z", type: "logout" }]);
    expect(await acme.getPasswordHash("u1")).toBe("scrypt$kept");
    await reopened.close();
    expect(onFile((db) => db.pragma("user_version", { simple: true }))).toBe(TENANT_SCHEMA_VERSION);
  });

  it("brings a layout 2 database (before API keys) up to date, keeping its audit log", async () => {
    const first = await createEmbeddedStore({ dataDir });
    await first.createTenant("acme");
    const before = await first.tenant("acme");
    await before.appendAudit({ id: "e1", at: "2025-01-01T10:00:00.000Z", type: "logout" });
    await first.close();
    onFile((db) => {
      dropLayouts4And5(db);
      db.exec("DROP TABLE api_keys");
      db.pragma("user_version = 2");
    });

    const reopened = await createEmbeddedStore({ dataDir });
    const acme = await reopened.tenant("acme");
    const key = {
      id: "k1",
      name: "integration",
      userId: "u1",
      tokenHash: "hash-k1",
      prefix: "tk_acme_abcdef",
      createdAt: "2025-01-01T10:00:00.000Z",
      createdBy: "admin",
    };
    await acme.createApiKey(key);
    expect(await acme.getApiKeyByHash("hash-k1")).toEqual(key);
    expect(await acme.listAudit({})).toEqual([{ id: "e1", at: "2025-01-01T10:00:00.000Z", type: "logout" }]);
    await reopened.close();
    expect(onFile((db) => db.pragma("user_version", { simple: true }))).toBe(TENANT_SCHEMA_VERSION);
  });

  it("brings a layout 3 database (before jobs, work items, notifications, outbox, log, settings) up to date", async () => {
    const first = await createEmbeddedStore({ dataDir });
    await first.createTenant("acme");
    const before = await first.tenant("acme");
    const key = {
      id: "k1",
      name: "integration",
      userId: "u1",
      tokenHash: "hash-k1",
      prefix: "tk_acme_abcdef",
      createdAt: "2025-01-01T10:00:00.000Z",
      createdBy: "admin",
    };
    await before.createApiKey(key);
    await first.close();
    onFile((db) => {
      dropLayouts4And5(db);
      db.pragma("user_version = 3");
    });

    const reopened = await createEmbeddedStore({ dataDir });
    const acme = await reopened.tenant("acme");
    expect(await acme.getApiKeyByHash("hash-k1")).toEqual(key);
    await acme.enqueueJobs([{ id: "j1", kind: "webhook", dueAt: "2025-01-01T10:00:00.000Z", payload: {} }]);
    expect((await acme.listJobs({ limit: 10 })).map((job) => job.id)).toEqual(["j1"]);
    await acme.addNotifications([
      { id: "n1", userId: "u1", at: "2025-01-01T10:00:00.000Z", title: "t", body: "b" },
    ]);
    expect(await acme.countUnreadNotifications("u1")).toBe(1);
    await acme.putSetting("s", { on: true });
    expect(await acme.getSetting("s")).toEqual({ on: true });
    expect(await acme.listWorkItems("u1", { limit: 10 })).toEqual([]);
    expect(await acme.listEmails({ limit: 10 })).toEqual([]);
    expect(await acme.listLog({ limit: 10 })).toEqual([]);
    await reopened.close();
    expect(onFile((db) => db.pragma("user_version", { simple: true }))).toBe(TENANT_SCHEMA_VERSION);
    expect(TENANT_SCHEMA_VERSION).toBe(5);
  });

  it("brings a layout 4 database (before entries) up to date, keeping its settings", async () => {
    const first = await createEmbeddedStore({ dataDir });
    await first.createTenant("acme");
    const before = await first.tenant("acme");
    await before.putSetting("s", { on: true });
    await first.close();
    onFile((db) => {
      db.exec("DROP TABLE entries");
      db.pragma("user_version = 4");
    });

    const reopened = await createEmbeddedStore({ dataDir });
    const acme = await reopened.tenant("acme");
    expect(await acme.getSetting("s")).toEqual({ on: true });
    expect(await acme.listEntries("imports", { limit: 10 })).toEqual([]);
    expect(await acme.putEntry("imports", "i1", { a: 1 }, { at: "2025-01-01T10:00:00.000Z" })).toBe(true);
    await reopened.close();
    expect(onFile((db) => db.pragma("user_version", { simple: true }))).toBe(TENANT_SCHEMA_VERSION);

    const again = await createEmbeddedStore({ dataDir });
    expect(await (await again.tenant("acme")).getEntry("imports", "i1")).toEqual({
      collection: "imports",
      id: "i1",
      revision: 1,
      body: { a: 1 },
      updatedAt: "2025-01-01T10:00:00.000Z",
    });
    await again.close();
  });

  it("refuses to open a database of a newer layout than this code knows", async () => {
    const first = await createEmbeddedStore({ dataDir });
    await first.createTenant("acme");
    await first.close();
    onFile((db) => db.pragma(`user_version = ${TENANT_SCHEMA_VERSION + 1}`));
    const reopened = await createEmbeddedStore({ dataDir });
    await expect(reopened.tenant("acme")).rejects.toThrow(/layout \d+ is not supported/);
    await reopened.close();
  });
});
