import type { ExportFormat } from "./export-format.js";

const MAX_NAME_LENGTH = 100;
// Characters Windows, macOS or a shell refuse or misread in a file name, control characters, and
// bidirectional overrides (which make "txt.exe" display as "exe.txt").
const UNSAFE = /[<>:"/\\|?*\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** The calendar day of `at` in `timeZone`, as YYYY-MM-DD. */
export const localDate = (at: Date, timeZone: string): string => {
  const parts = new Intl.DateTimeFormat("en", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
};

/** A file name built from a label anyone may have written: nothing that could be a path or hide its extension. */
export const safeFileName = (label: string, fallback: string): string => {
  const cleaned = label
    .replace(UNSAFE, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+|\.+$/g, "");
  const name = [...cleaned].slice(0, MAX_NAME_LENGTH).join("").trim();
  return name === "" ? fallback : name;
};

// RFC 5987 attr-char: encodeURIComponent leaves ' ( ) * as they are, which the grammar does not allow.
const encodeRfc5987 = (text: string): string =>
  encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition: attachment` naming the file "<label> <date>.<ext>": the plain `filename`
 * is ASCII only (the object's API name, for old clients), `filename*` carries the label in UTF-8
 * (RFC 6266 / RFC 5987), which every current browser prefers.
 */
export const attachmentDisposition = (
  label: string,
  objectName: string,
  date: string,
  format: ExportFormat,
): string => {
  const ascii = `${objectName.replace(/[^A-Za-z0-9_-]/g, "")}-${date}.${format}`;
  const full = `${safeFileName(label, objectName)} ${date}.${format}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(full)}`;
};
