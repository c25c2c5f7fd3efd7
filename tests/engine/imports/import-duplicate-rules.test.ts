import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  csv,
  type ImportView,
  type ImportWorld,
  type Json,
  startImportWorld,
  upload,
  vendorsByCode,
  waitForImport,
} from "./import-fixture.js";

/**
 * Duplicate rules during an import: a `block` rule refuses the row (an error in the report, the
 * rest goes on); an `alert` rule is not evaluated row by row (the find-duplicates job covers it),
 * so look-alike rows land.
 */

let w: ImportWorld;

const rule = (action: "alert" | "block"): Json => ({
  kind: "duplicateRule",
  name: "sameVendorName",
  label: { en: "Same vendor name" },
  object: "vendor",
  action,
  conditions: [{ field: "name", normalizer: "text", match: "exact" }],
});

const publishRule = async (action: "alert" | "block") => {
  const put = await w.admin.put("/api/v1/metadata/draft/duplicateRule/sameVendorName", rule(action));
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  const published = await w.admin.post("/api/v1/metadata/publish", {});
  expect(published.status, JSON.stringify(published.body)).toBe(200);
};

const importRows = async (rows: ReadonlyArray<ReadonlyArray<string>>): Promise<ImportView> => {
  const uploaded = await upload(w.importer, "vendor", "vendors.csv", csv(rows));
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  const id = uploaded.body.id;
  const saved = await w.importer.put(`/api/v1/imports/${id}/settings`, {
    mapping: uploaded.body.suggestedMapping,
    mode: "insert",
    automation: true,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  expect((await w.importer.post(`/api/v1/imports/${id}/run`, {})).status).toBe(202);
  return waitForImport(w.importer, id);
};

beforeAll(async () => {
  w = await startImportWorld();
});
afterAll(async () => {
  await w?.close();
});

describe("duplicate rules in an import", () => {
  it("a block rule refuses the rows that repeat a stored record or an earlier row; the others land", async () => {
    await publishRule("block");
    expect(
      (await w.importer.post("/api/v1/records/vendor", { name: "Acme Supplies", code: "STORED" })).status,
    ).toBe(201);
    const done = await importRows([
      ["Vendor Name", "Vendor Code"],
      ["ACME  supplies", "BLK-1"],
      ["Borealis", "BLK-2"],
      ["borealis ", "BLK-3"],
    ]);
    expect(done.progress).toMatchObject({ created: 1, failed: 2 });
    const vendors = await vendorsByCode(w.admin);
    expect(vendors.has("BLK-2")).toBe(true);
    expect(vendors.has("BLK-1")).toBe(false);
    expect(vendors.has("BLK-3")).toBe(false);
  });

  it("an alert rule lets look-alike rows land", async () => {
    await publishRule("alert");
    const done = await importRows([
      ["Vendor Name", "Vendor Code"],
      ["Cobalt Works", "ALR-1"],
      ["COBALT WORKS", "ALR-2"],
    ]);
    expect(done.progress).toMatchObject({ created: 2, failed: 0 });
    const vendors = await vendorsByCode(w.admin);
    expect(vendors.has("ALR-1") && vendors.has("ALR-2")).toBe(true);
  });
});
