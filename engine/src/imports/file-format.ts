import { withoutControlCharacters } from "./control-characters.js";
import { fileProblem } from "./file-problem.js";
import type { ImportFormat } from "./import-state.js";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const BINARY_MAGIC = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x1f, 0x8b], // gzip
];
/** Zip-based formats that are not workbooks: their extension says what they are. */
const OTHER_ZIPS: ReadonlySet<string> = new Set(["docx", "pptx", "zip", "odt", "ods", "odp", "epub", "jar"]);
const TEXT_EXTENSIONS: ReadonlySet<string> = new Set(["csv", "txt", "tsv", ""]);

const startsWith = (bytes: Buffer, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);

const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf(".");
  return dot <= 0 ? "" : fileName.slice(dot + 1).toLowerCase();
};

const unsupported = (message = "Upload a CSV file or an Excel workbook (.xlsx).") =>
  fileProblem("import.unsupportedFile", message, 415);

/**
 * What an uploaded file is, from its first bytes and its name: a zip is an XLSX workbook (unless
 * its extension names another zip format); a legacy .xls or other binary is refused; text with a
 * CSV-like extension is CSV (its encoding is checked while it is read).
 */
export const formatOf = (fileName: string, firstBytes: Buffer): ImportFormat => {
  const extension = extensionOf(fileName);
  if (startsWith(firstBytes, ZIP)) {
    if (OTHER_ZIPS.has(extension)) throw unsupported();
    return "xlsx";
  }
  if (startsWith(firstBytes, OLE) || extension === "xls")
    throw unsupported("Excel 97-2003 workbooks (.xls) cannot be imported: save the file as .xlsx or CSV.");
  if (extension === "xlsx") throw unsupported("The file is not a valid XLSX workbook.");
  if (BINARY_MAGIC.some((magic) => startsWith(firstBytes, magic)) || !TEXT_EXTENSIONS.has(extension))
    throw unsupported();
  return "csv";
};

/** The name shown for an upload: without any directory part or control characters, at most 255 characters. */
export const displayFileName = (fileName: string, format: ImportFormat): string => {
  const base = withoutControlCharacters(fileName.split(/[\\/]/).pop() ?? "")
    .trim()
    .slice(0, 255);
  return base === "" ? `import.${format}` : base;
};
