import { type Info, type Parser, parse } from "csv-parse";
import { MAX_RECORD_CHARS } from "./import-limits.js";

/** A record as the parser emits it with `info`: its cells and where it ends in the input. */
export interface ParsedRecord {
  record: string[];
  info: Info;
}

const CSV_DELIMITERS = [",", ";", "\t", "|"] as const;

/**
 * The parser every read of an import's rows uses, so row numbers and byte offsets agree between
 * the upload scan, the dry run and the run: any line ending (even mixed), ragged rows, stray quotes
 * inside unquoted cells, empty lines skipped. `info.bytes` of a record is the offset just after it.
 */
export const csvParser = (delimiter: string): Parser =>
  parse({
    delimiter,
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    max_record_size: MAX_RECORD_CHARS,
    bom: false,
  });

/**
 * The delimiter of a file from its first line: the candidate occurring most often outside quotes
 * (Excel writes ";" in locales where "," is the decimal mark), "," when none occurs.
 */
export const sniffDelimiter = (firstLine: string): string => {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (CSV_DELIMITERS as readonly string[]).includes(char))
      counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ",";
  let most = 0;
  for (const delimiter of CSV_DELIMITERS) {
    const count = counts.get(delimiter) ?? 0;
    if (count > most) {
      best = delimiter;
      most = count;
    }
  }
  return best;
};

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, or edge spaces. */
export const csvCell = (value: string): string =>
  NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

export const csvLine = (cells: readonly string[]): string => `${cells.map(csvCell).join(",")}\n`;

const PLAIN_NUMBER = /^[+-]?\d[\d,.]*$/;

/**
 * A cell of a report opened in a spreadsheet: text that a spreadsheet would run as a formula
 * (=, +, -, @, or a leading tab or carriage return) is prefixed with an apostrophe (OWASP "CSV
 * injection"); a plain signed number such as -3 is not a formula and stays as it is.
 */
export const spreadsheetSafe = (value: string): string =>
  /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
