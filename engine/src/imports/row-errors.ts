import type { JsonObject } from "@tessera/metadata";
import type { TenantStore } from "../store/store-port.js";
import { csvLine, spreadsheetSafe } from "./csv-format.js";
import { IMPORT_ERRORS } from "./import-entries.js";
import { BATCH_ROWS, MAX_PREVIEW_CELL } from "./import-limits.js";
import type { RowError } from "./prepare-rows.js";

/** The failed rows of an import, one entry each: `<importId>:<row, 9 digits>`, so ids sort by row. */
export const errorEntryId = (importId: string, row: number): string =>
  `${importId}:${String(row).padStart(9, "0")}`;

interface RowErrorBody {
  row: number;
  errors: RowError[];
  values: string[];
}

export const recordRowErrors = (
  store: TenantStore,
  importId: string,
  row: { row: number; cells: readonly string[] },
  errors: readonly RowError[],
): Promise<boolean> => {
  const body: RowErrorBody = {
    row: row.row,
    errors: [...errors],
    values: row.cells.map((cell) => cell.slice(0, MAX_PREVIEW_CELL)),
  };
  return store.putEntry(IMPORT_ERRORS, errorEntryId(importId, row.row), body as unknown as JsonObject);
};

/**
 * Removes errors recorded for rows after `row`: a run that died after recording them but before
 * its checkpoint does those rows again, and their outcome may differ.
 */
export const clearErrorsAfter = async (store: TenantStore, importId: string, row: number): Promise<void> => {
  for (;;) {
    const stale = await store.listEntries(IMPORT_ERRORS, {
      prefix: `${importId}:`,
      after: errorEntryId(importId, row),
      order: "asc",
      limit: BATCH_ROWS,
    });
    for (const entry of stale) await store.deleteEntry(IMPORT_ERRORS, entry.id);
    if (stale.length < BATCH_ROWS) return;
  }
};

/**
 * The error report as CSV lines, read page by page: a UTF-8 BOM (so spreadsheets read Chinese
 * text right), then `row,column,message` and the file's own columns; one line per problem with
 * the row's original values. Text a spreadsheet would run as a formula is defused.
 */
export async function* errorReportLines(
  store: TenantStore,
  importId: string,
  headers: readonly string[],
): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(["row", "column", "message", ...headers.map(spreadsheetSafe)])}`;
  let after: string | undefined;
  for (;;) {
    const page = await store.listEntries(IMPORT_ERRORS, {
      prefix: `${importId}:`,
      order: "asc",
      limit: BATCH_ROWS,
      ...(after !== undefined && { after }),
    });
    let lines = "";
    for (const entry of page) {
      const body = entry.body as unknown as RowErrorBody;
      const values = headers.map((_, i) => spreadsheetSafe(body.values[i] ?? ""));
      for (const error of body.errors)
        lines += csvLine([
          String(body.row),
          spreadsheetSafe(error.column ?? ""),
          spreadsheetSafe(error.message),
          ...values,
        ]);
    }
    if (lines !== "") yield lines;
    if (page.length < BATCH_ROWS) return;
    after = page[page.length - 1]?.id;
  }
}
