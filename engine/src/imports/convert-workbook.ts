import { createReadStream } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import ExcelJS from "exceljs";
import { EngineError } from "../errors/engine-error.js";
import { csvLine } from "./csv-format.js";
import { fileProblem } from "./file-problem.js";
import { MAX_CONVERTED_BYTES } from "./import-limits.js";
import { type TableHead, tableHeadCollector } from "./table-head.js";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * A date cell as text. ExcelJS gives the cell's wall-clock value as a UTC instant: midnight is a
 * plain date, anything else a datetime without a zone (read later in the importing user's zone).
 */
const dateText = (date: Date): string => {
  if (Number.isNaN(date.getTime())) return "";
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const [h, m, s, ms] = [
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  ];
  if (h === 0 && m === 0 && s === 0 && ms === 0) return day;
  return `${day}T${pad(h)}:${pad(m)}:${pad(s)}${ms === 0 ? "" : `.${pad(ms, 3)}`}`;
};

/** What a cell shows: rich text joined, a formula's cached result, a hyperlink's text. */
const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return dateText(value);
  if (typeof value !== "object") return "";
  const cell = value as Record<string, unknown>;
  if (Array.isArray(cell.richText))
    return cell.richText
      .map((run: { text?: unknown }) => (typeof run.text === "string" ? run.text : ""))
      .join("");
  if ("result" in cell) return cellText(cell.result);
  if ("formula" in cell || "sharedFormula" in cell) return "";
  if ("text" in cell) return cellText(cell.text);
  if (typeof cell.error === "string") return cell.error;
  return "";
};

const rowCells = (values: unknown): string[] => {
  // ExcelJS rows are 1-based sparse arrays: index 0 is always empty.
  if (!Array.isArray(values)) return [];
  const cells: string[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return cells;
};

const FLUSH_BYTES = 256 * 1024;

/**
 * Converts the first sheet of a stored workbook to the import's rows file (CSV, UTF-8) with the
 * streaming reader, collecting the table head on the way. Empty rows are left out, as empty lines
 * of a CSV are.
 */
export const convertWorkbook = async (workbookPath: string, out: FileHandle): Promise<TableHead> => {
  const head = tableHeadCollector();
  // Our own stream, so it is closed even when reading stops after the first sheet.
  const input = createReadStream(workbookPath);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  let offset = 0;
  let pending: string[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    await out.write(pending.join(""));
    pending = [];
    pendingBytes = 0;
  };
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const cells = rowCells(row.values);
        if (cells.every((cell) => cell.trim() === "")) continue;
        const line = csvLine(cells);
        const bytes = Buffer.byteLength(line);
        offset += bytes;
        if (offset > MAX_CONVERTED_BYTES)
          throw fileProblem("import.tooLarge", "The workbook's first sheet holds too much data to import.");
        head.add(cells, offset);
        pending.push(line);
        pendingBytes += bytes;
        if (pendingBytes >= FLUSH_BYTES) await flush();
      }
      // Only the first sheet is imported.
      break;
    }
  } catch (error) {
    if (error instanceof EngineError) throw error;
    throw fileProblem("import.invalidXlsx", "The file is not a readable XLSX workbook.");
  } finally {
    input.destroy();
  }
  await flush();
  return head.result();
};
