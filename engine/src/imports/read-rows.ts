import { createReadStream } from "node:fs";
import { csvParser, type ParsedRecord } from "./csv-format.js";
import { alignRow } from "./table-head.js";

/** One data row of an import's rows file. */
export interface FileRow {
  /** 1-based data row number (the header row excluded). */
  row: number;
  /** Cells aligned to the header (missing ones empty, extra ones dropped). */
  cells: string[];
  /** Byte offset just after the row: where reading resumes once it is done. */
  end: number;
}

/**
 * The rows of a stored rows file from a checkpoint (`offset`, just after row number `row`),
 * streamed: a resumed run reads on from the byte where it stopped, not from the start.
 */
export async function* readRows(
  path: string,
  from: { offset: number; row: number; delimiter: string; width: number },
): AsyncGenerator<FileRow> {
  const input = createReadStream(path, { start: from.offset });
  const parser = csvParser(from.delimiter);
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  let row = from.row;
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
      row++;
      yield { row, cells: alignRow(record, from.width), end: from.offset + info.bytes };
    }
  } finally {
    input.destroy();
    parser.destroy();
  }
}

/** Rows grouped into batches of `size` (the last one may be smaller). */
export async function* batchesOf<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
