import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeDuplicateRulesOf } from "../../../engine/src/duplicates/duplicate-rules.js";
import { MatchIndex } from "../../../engine/src/duplicates/match-index.js";
import { matchKeys } from "../../../engine/src/duplicates/match-values.js";
import { newRecordId } from "../../../engine/src/records/record-id.js";
import type { CompiledMetadata } from "../../../engine/src/registry/compiled-metadata.js";
import { MetadataCache } from "../../../engine/src/registry/metadata-cache.js";
import type { StoredRecord, TenantStore } from "../../../engine/src/store/store-port.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { buildVendorWorld } from "./vendor-fixture.js";

let t: TestServer;
let store: TenantStore;
let metadata: CompiledMetadata;

const vendor = (
  name: string,
  extra: Record<string, string> = {},
  stamp = new Date().toISOString(),
): StoredRecord => ({
  id: newRecordId(),
  version: 1,
  ownerId: "u",
  createdAt: stamp,
  createdBy: "u",
  updatedAt: stamp,
  updatedBy: "u",
  name,
  ...extra,
});

beforeAll(async () => {
  t = await startTestServer();
  await buildVendorWorld(t);
  store = await t.server.store.tenant("demo");
  const compiled = await new MetadataCache().current(store);
  if (compiled === undefined) throw new Error("no metadata");
  metadata = compiled;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

/** Candidates of `values` under the rule named `rule`. */
const candidatesOf = (index: MatchIndex, rule: string, values: Record<string, string>) => {
  const rules = activeDuplicateRulesOf(metadata, "vendor");
  const position = rules.findIndex((r) => r.name === rule);
  const keys = matchKeys(rules[position] as (typeof rules)[number], values);
  return keys === undefined ? [] : index.candidates(position, keys, 10);
};

describe("a match index", () => {
  it("proposes stored records matching under each rule, best first", async () => {
    const exact = vendor("Orchid Valley Textiles Co., Ltd.", { phone: "+86 139-0000-1111" });
    const near = vendor("Orchid Valey Textile");
    const other = vendor("Granite Peak Minerals", { phone: "021 5888 9999" });
    await store.insertRecords("vendor", [exact, near, other]);
    const index = new MatchIndex("vendor", activeDuplicateRulesOf(metadata, "vendor"));
    await index.load(store);
    expect(candidatesOf(index, "vendorName", { name: "Orchid Valley Textiles" })).toEqual([
      exact.id,
      near.id,
    ]);
    expect(candidatesOf(index, "vendorPhone", { phone: "13900001111" })).toEqual([exact.id]);
    expect(candidatesOf(index, "vendorName", { name: "Granite Peek Minerals Ltd" })).toEqual([other.id]);
    expect(candidatesOf(index, "vendorName", { name: "Something Else Entirely" })).toEqual([]);
  });

  it("knows a noted write at once, keeps its earlier values until it reads the stored record, forgets deleted ones", async () => {
    const record = vendor("Lantern Bay Ceramics");
    await store.insertRecords("vendor", [record]);
    const index = new MatchIndex("vendor", activeDuplicateRulesOf(metadata, "vendor"));
    await index.load(store);
    index.note(record.id, { name: "Copper Lantern Ceramics" });
    expect(candidatesOf(index, "vendorName", { name: "Copper Lantern Ceramics" })).toEqual([record.id]);
    expect(candidatesOf(index, "vendorName", { name: "Lantern Bay Ceramics" })).toEqual([record.id]);
    index.forget(record.id);
    expect(candidatesOf(index, "vendorName", { name: "Lantern Bay Ceramics" })).toEqual([]);
  });

  it("reads what changed in the store since it was built", async () => {
    const index = new MatchIndex("vendor", activeDuplicateRulesOf(metadata, "vendor"));
    await index.load(store);
    const later = vendor("Harbinger Solar Works");
    await store.insertRecords("vendor", [later]);
    expect(candidatesOf(index, "vendorName", { name: "Harbinger Solar Works" })).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await index.sync(store);
    expect(candidatesOf(index, "vendorName", { name: "Harbinger Solar Works" })).toEqual([later.id]);
    const renamed = {
      ...later,
      name: "Meridian Solar Works",
      version: 2,
      updatedAt: new Date().toISOString(),
    };
    expect(await store.updateRecord("vendor", renamed, 1)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await index.sync(store);
    expect(candidatesOf(index, "vendorName", { name: "Harbinger Solar Works" })).toEqual([]);
    expect(candidatesOf(index, "vendorName", { name: "Meridian Solar Works" })).toEqual([later.id]);
  });
});
