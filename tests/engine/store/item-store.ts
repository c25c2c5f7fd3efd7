import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createEmbeddedStore } from "../../../engine/src/store/embedded/index.js";
import type { Store, StoredRecord, TenantStore } from "../../../engine/src/store/store-port.js";
import { aSchema, aVersion } from "./builders.js";

/**
 * An embedded store in a temp directory with tenant "acme" and one object, "item", for property
 * tests that load a fresh data set per run. Registers its own setup and teardown.
 */
export const useItemStore = (prefix: string): { readonly acme: TenantStore } => {
  let dataDir = "";
  let store: Store | undefined;
  const handle = { acme: undefined as unknown as TenantStore };
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), prefix));
    store = await createEmbeddedStore({ dataDir });
    await store.createTenant("acme");
    handle.acme = await store.tenant("acme");
    await handle.acme.publish(aVersion(1, "item"), 0, aSchema().withObject("item").build());
  });
  afterAll(async () => {
    await store?.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return handle;
};

/** Replaces every item with `records`; resolves to them as stored. */
export const replaceItems = async (
  acme: TenantStore,
  records: readonly StoredRecord[],
): Promise<StoredRecord[]> => {
  const old = await acme.findRecords("item", { sort: [], limit: 1000, fields: [] });
  await acme.deleteRecords(old.records.map((r) => ({ object: "item", id: r.id })));
  const stored: StoredRecord[] = [];
  for (const record of records) stored.push(await acme.insertRecord("item", record));
  return stored;
};
