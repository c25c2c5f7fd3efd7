import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { IMPORT_ERRORS, IMPORTS } from "../../../engine/src/imports/import-entries.js";
import type { ImportState } from "../../../engine/src/imports/import-state.js";
import { errorEntryId } from "../../../engine/src/imports/row-errors.js";
import { importJob } from "../../../engine/src/imports/run-import-job.js";
import { openStore } from "../../../engine/src/store/open-store.js";
import { countRecords } from "../support/problem-assertions.js";
import {
  csv,
  type ImportWorld,
  startImportWorld,
  upload,
  vendorsByCode,
  waitForImport,
} from "./import-fixture.js";

const ROWS = 1200;
const CHECKPOINT_ROW = 500;

let first: ImportWorld | undefined;
let second: ImportWorld | undefined;

afterAll(async () => {
  await second?.close();
  await first?.close();
});

/** Row r fails (a validation rule) when r is a multiple of 100. */
const rows = Array.from({ length: ROWS }, (_, i) => {
  const row = i + 1;
  return [`Resumed ${row}`, `RES-${row}`, row % 100 === 0 ? "-1" : "1"];
});

/** Byte offset just after data row `row` of the stored rows file (lines end in CRLF). */
const offsetAfterRow = (text: string, row: number): number => {
  let index = -1;
  for (let line = 0; line <= row; line++) index = text.indexOf("\r\n", index + 1);
  return Buffer.byteLength(text.slice(0, index + 2));
};

describe("an import interrupted by a stopped server", () => {
  it("resumes at its last checkpoint on the same data dir; rows written after it count once and are never inserted twice", async () => {
    first = await startImportWorld();
    const dataDir = first.t.dataDir;
    const uploaded = await upload(
      first.importer,
      "vendor",
      "resume.csv",
      csv([["Vendor Name", "Vendor Code", "Employees"], ...rows]),
    );
    const id = uploaded.body.id;
    const settings = { mapping: uploaded.body.suggestedMapping, mode: "insert", automation: false };
    expect((await first.importer.put(`/api/v1/imports/${id}/settings`, settings)).status).toBe(200);
    expect((await first.importer.post(`/api/v1/imports/${id}/run`, {})).status).toBe(202);
    await waitForImport(first.importer, id, (view) => view.progress.processed >= CHECKPOINT_ROW);
    const landedBeforeStop = (await countRecords(first.admin, "vendor")) as number;
    await first.t.server.stop();

    // A crash after rows were written but before their checkpoint: the import is running again at
    // row 500 (its state then), its job due, and a stale error is recorded for a row that succeeds.
    const store = await openStore({ dataDir });
    const tenant = await store.tenant("demo");
    const entry = await tenant.getEntry(IMPORTS, id);
    const state = entry?.body as unknown as ImportState;
    const text = await readFile(join(dataDir, "imports", "demo", `${id}.csv`), "utf8");
    const rewound: ImportState = {
      ...state,
      status: "running",
      progress: {
        processed: CHECKPOINT_ROW,
        created: CHECKPOINT_ROW - 5,
        updated: 0,
        failed: 5,
        skipped: 0,
        rowsPerSecond: 0,
        ...(state.progress.startedAt !== undefined && { startedAt: state.progress.startedAt }),
      },
      checkpoint: { offset: offsetAfterRow(text, CHECKPOINT_ROW), row: CHECKPOINT_ROW, activeMs: 0 },
    };
    expect(await tenant.putEntry(IMPORTS, id, rewound as never)).toBe(true);
    await tenant.putEntry(IMPORT_ERRORS, errorEntryId(id, 701), {
      row: 701,
      errors: [{ column: null, message: "stale" }],
      values: [],
    });
    await tenant.enqueueJobs([importJob(id, new Date())]);
    const landedAfterCheckpoint = (await tenant.countRecords("vendor")) - (CHECKPOINT_ROW - 5);
    await store.close();
    expect(landedBeforeStop).toBeGreaterThanOrEqual(CHECKPOINT_ROW - 5);
    expect(landedAfterCheckpoint).toBeGreaterThan(0);

    second = await startImportWorld(dataDir);
    const done = await waitForImport(second.importer, id);
    expect(done.status).toBe("completed");
    expect(done.progress).toMatchObject({
      processed: ROWS,
      created: ROWS - 12,
      updated: 0,
      failed: 12,
      skipped: 0,
    });
    expect(done.progress.finishedAt).toEqual(expect.any(String));
    const vendors = await vendorsByCode(second.admin);
    const codes = [...vendors.keys()].filter((code) => code.startsWith("RES-"));
    expect(codes.length).toBe(ROWS - 12);
    expect(await countRecords(second.admin, "vendor")).toBe(ROWS - 12);
    expect(vendors.has("RES-100")).toBe(false);
    expect(vendors.get("RES-701")).toMatchObject({ name: "Resumed 701" });

    const report = await fetch(`${second.importer.baseUrl}/api/v1/imports/${id}/errors.csv`, {
      headers: { authorization: `Bearer ${second.importer.token}` },
    });
    const lines = (await report.text()).trim().split("\n").slice(1);
    expect(lines.map((line) => Number(line.split(",")[0]))).toEqual(
      Array.from({ length: 12 }, (_, i) => (i + 1) * 100),
    );
  }, 180_000);
});
