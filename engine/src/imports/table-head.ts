import { fileProblem } from "./file-problem.js";
import {
  MAX_HEADER_LENGTH,
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  MAX_PREVIEW_CELL,
  PREVIEW_ROWS,
} from "./import-limits.js";

/** What an upload learns of its file while reading it once: headers, row count, the first rows. */
export interface TableHead {
  headers: string[];
  totalRows: number;
  preview: string[][];
  /** Byte offset of the first data row in the stored rows file. */
  dataOffset: number;
}

/**
 * Column names from the header row: trimmed, cut to MAX_HEADER_LENGTH, an empty one named
 * "Column N" (1-based) and a repeated one suffixed " (2)", " (3)": a mapping names columns, so each
 * name must be unique.
 */
export const headerNames = (cells: readonly string[]): string[] => {
  const taken = new Set<string>();
  return cells.map((cell, index) => {
    const trimmed = cell.trim().slice(0, MAX_HEADER_LENGTH);
    const base = trimmed === "" ? `Column ${index + 1}` : trimmed;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
    taken.add(name);
    return name;
  });
};

/** A row padded or cut to the header's width. */
export const alignRow = (cells: readonly string[], width: number): string[] =>
  Array.from({ length: width }, (_, i) => cells[i] ?? "");

/** Collects the table head from records in file order; the first record is the header row. */
export const tableHeadCollector = () => {
  let headers: string[] | undefined;
  let dataOffset = 0;
  let totalRows = 0;
  const preview: string[][] = [];
  return {
    add(cells: readonly string[], endOffset: number): void {
      if (headers === undefined) {
        if (cells.every((cell) => cell.trim() === ""))
          throw fileProblem("import.noHeader", "The first row must name the columns; it is empty.");
        if (cells.length > MAX_IMPORT_COLUMNS)
          throw fileProblem(
            "import.tooManyColumns",
            `The file has ${cells.length} columns; at most ${MAX_IMPORT_COLUMNS} can be imported.`,
          );
        headers = headerNames(cells);
        dataOffset = endOffset;
        return;
      }
      totalRows++;
      if (totalRows > MAX_IMPORT_ROWS)
        throw fileProblem("import.tooManyRows", `The file has more than ${MAX_IMPORT_ROWS} rows.`);
      if (preview.length < PREVIEW_ROWS)
        preview.push(alignRow(cells, headers.length).map((cell) => cell.slice(0, MAX_PREVIEW_CELL)));
    },
    result(): TableHead {
      if (headers === undefined) throw fileProblem("import.emptyFile", "The file is empty.");
      if (totalRows === 0)
        throw fileProblem("import.noRows", "The file has a header row but no rows to import.");
      return { headers, totalRows, preview, dataOffset };
    },
  };
};
