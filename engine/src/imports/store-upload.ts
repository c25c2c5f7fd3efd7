import { type FileHandle, open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { convertWorkbook } from "./convert-workbook.js";
import { formatOf } from "./file-format.js";
import { fileProblem } from "./file-problem.js";
import { rowsFileOf, workbookFileOf } from "./import-files.js";
import { MAX_IMPORT_BYTES } from "./import-limits.js";
import type { ImportFormat } from "./import-state.js";
import { scanCsvUpload, type TextEncoding } from "./scan-csv-upload.js";
import type { TableHead } from "./table-head.js";

export interface StoredUpload extends TableHead {
  format: ImportFormat;
  delimiter: string;
}

const tooLarge = () =>
  fileProblem(
    "import.tooLarge",
    `The file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB; split it into smaller files.`,
    413,
  );

/**
 * The stream's chunks, refused (413) as soon as they add up to more than MAX_IMPORT_BYTES. The
 * stream is not destroyed when reading stops early: the upload drains the rest, so the multipart
 * parser reaches the end of the body and the client gets its answer.
 */
async function* limited(stream: Readable): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of stream.iterator({ destroyOnReturn: false })) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    total += buffer.length;
    if (total > MAX_IMPORT_BYTES) throw tooLarge();
    yield buffer;
  }
}

const withFile = async <T>(path: string, use: (handle: FileHandle) => Promise<T>): Promise<T> => {
  const handle = await open(path, "w");
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
};

/**
 * Streams an uploaded file to `<root>/<tenant>/<id>.csv` (a CSV, as UTF-8) or `<id>.xlsx` (then
 * converted to `<id>.csv`), learning its table head on the way.
 */
export const storeUpload = async (
  stream: Readable,
  fileName: string,
  encoding: TextEncoding,
  target: { root: string; tenant: string; id: string },
): Promise<StoredUpload> => {
  const chunks = limited(stream);
  const first = await chunks.next();
  if (first.done === true) throw fileProblem("import.emptyFile", "The file is empty.");
  const format = formatOf(fileName, first.value);
  async function* all(): AsyncGenerator<Buffer> {
    yield first.value as Buffer;
    yield* chunks;
  }
  const rowsFile = rowsFileOf(target.root, target.tenant, target.id);
  if (format === "csv") {
    const scan = await withFile(rowsFile, (out) => scanCsvUpload(all(), out, encoding));
    return { format, ...scan };
  }
  const workbook = workbookFileOf(target.root, target.tenant, target.id);
  await withFile(workbook, async (out) => {
    for await (const chunk of all()) await out.write(chunk);
  });
  const head = await withFile(rowsFile, (out) => convertWorkbook(workbook, out));
  return { format, delimiter: ",", ...head };
};
