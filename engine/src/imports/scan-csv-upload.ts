import type { FileHandle } from "node:fs/promises";
import { csvParser, type ParsedRecord, sniffDelimiter } from "./csv-format.js";
import { fileProblem } from "./file-problem.js";
import { type TableHead, tableHeadCollector } from "./table-head.js";

const TEXT_ENCODINGS = ["utf-8", "gb18030"] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export interface CsvScan extends TableHead {
  delimiter: string;
}

// Text held back to find the first line break, from which the delimiter is guessed.
const SNIFF_CHARS = 64 * 1024;

const notText = () =>
  fileProblem("import.notText", "The file is not a CSV text file (it holds binary data).", 415);

const badEncoding = (encoding: TextEncoding) =>
  fileProblem(
    "import.encoding",
    encoding === "utf-8"
      ? 'The file is not valid UTF-8 text. Save it as "CSV UTF-8", or upload it with encoding "gb18030" if it comes from a Chinese edition of Excel.'
      : "The file is not valid GB18030 text.",
  );

/**
 * Reads an uploaded CSV once, as it arrives: decodes it (UTF-8, a BOM dropped, invalid bytes
 * refused; or GB18030), writes it to `out` as UTF-8, and parses it on the way to learn its
 * delimiter, headers, row count and first rows. Nothing of the file is held in memory beyond a
 * chunk and the preview.
 */
export const scanCsvUpload = async (
  chunks: AsyncIterable<Buffer>,
  out: FileHandle,
  encoding: TextEncoding,
): Promise<CsvScan> => {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const head = tableHeadCollector();
  let failure: unknown;
  let parseError: unknown;
  let parser: ReturnType<typeof csvParser> | undefined;
  let ended: Promise<void> = Promise.resolve();
  let delimiter = ",";
  let held = "";

  const decode = (chunk?: Buffer): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw badEncoding(encoding);
    }
  };

  const start = (text: string) => {
    const firstLine = /^[^\r\n]*/.exec(text)?.[0] ?? "";
    delimiter = sniffDelimiter(firstLine);
    const p = csvParser(delimiter);
    // Settles either way: a parse error is kept and reported, never left as a rejected promise.
    ended = new Promise<void>((resolve) => {
      p.on("end", resolve);
      p.on("error", (error) => {
        parseError ??= error;
        resolve();
      });
    });
    p.on("data", ({ record, info }: ParsedRecord) => {
      if (failure !== undefined) return;
      try {
        head.add(record, info.bytes);
      } catch (error) {
        failure = error;
      }
    });
    parser = p;
  };

  const check = () => {
    if (failure !== undefined) throw failure;
    if (parseError !== undefined)
      throw fileProblem(
        "import.invalidCsv",
        "The file is not valid CSV (a quoted cell never ends, or a row is far too long).",
      );
  };

  const feed = async (text: string, last: boolean) => {
    if (text.includes("\u0000")) throw notText();
    if (parser === undefined) {
      held += text;
      if (!last && held.length < SNIFF_CHARS && !/[\r\n]/.test(held)) return;
      text = held;
      held = "";
      start(text);
    }
    if (text === "") return;
    const bytes = Buffer.from(text, "utf8");
    await out.write(bytes);
    parser?.write(bytes);
    check();
  };

  try {
    for await (const chunk of chunks) await feed(decode(chunk), false);
    await feed(decode(), true);
  } catch (error) {
    parser?.destroy();
    throw error;
  }
  if (parser === undefined) return { ...head.result(), delimiter };
  parser.end();
  await ended;
  check();
  return { ...head.result(), delimiter };
};
