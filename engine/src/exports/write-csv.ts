import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type { ExportCell } from "./export-cells.js";
import type { ExportColumn } from "./export-columns.js";
import { guardFormula } from "./formula-guard.js";

async function* csvRecords(
  columns: readonly ExportColumn[],
  rows: AsyncIterable<readonly ExportCell[]>,
): AsyncGenerator<string[]> {
  yield columns.map((c) => guardFormula(c.label));
  for await (const row of rows)
    yield row.map((cell) => (cell.untrusted ? guardFormula(cell.text) : cell.text));
}

/**
 * Writes a CSV file to `out` as rows arrive: UTF-8 with a byte order mark (without it Excel reads
 * Chinese as mojibake), CRLF line ends (RFC 4180), a header of column labels, display texts, text
 * from data guarded against formula injection. Backpressure from `out` pauses the reading of rows;
 * `out` is ended at the end and destroyed on failure.
 */
export const writeCsv = async (
  out: Writable,
  columns: readonly ExportColumn[],
  rows: AsyncIterable<readonly ExportCell[]>,
): Promise<void> => {
  await pipeline(
    Readable.from(csvRecords(columns, rows)),
    stringify({ bom: true, record_delimiter: "windows" }),
    out,
  );
};
