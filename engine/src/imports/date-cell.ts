import type { DateFormat } from "./import-state.js";

/** A calendar date read from a cell, or why the cell's date is ambiguous. */
export type DateReading = { date: string } | { ambiguous: true } | undefined;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "YYYY-MM-DD" when the parts name a real date. */
export const calendarDate = (year: number, month: number, day: number): string | undefined => {
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day)
    return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
};

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const YEAR_LAST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;
// Excel's calendar ends at 9999-12-31 (serial 2958465).
const MAX_SERIAL = 2_958_465;
const DAY_MS = 86_400_000;

/**
 * An Excel serial date as a wall-clock instant (ms, read as UTC). Excel counts 1900 as a leap
 * year, so serials from 61 (1900-03-01) on count from 1899-12-30, earlier ones from 1899-12-31.
 */
export const excelSerialToWallClock = (text: string): number | undefined => {
  if (!SERIAL.test(text)) return undefined;
  const serial = Number(text);
  if (serial < 1 || serial > MAX_SERIAL) return undefined;
  const base = serial < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return base + Math.round(serial * DAY_MS);
};

const dayMonthYear = (first: number, second: number, year: number, format: DateFormat | undefined) => {
  if (format === "DD/MM/YYYY") return calendarDate(year, second, first);
  if (format === "MM/DD/YYYY") return calendarDate(year, first, second);
  if (first > 12 && second <= 12) return calendarDate(year, second, first);
  if (second > 12 && first <= 12) return calendarDate(year, first, second);
  // Both parts could be the month (03/04/2026) unless they are equal.
  return first === second ? calendarDate(year, first, second) : undefined;
};

/**
 * Reads a date cell: year first with "-", "/" or "." (2026-11-26, 2026/11/26), Chinese
 * (2026年11月26日), day and month first (26/11/2026) as `format` says or, without one, when only one
 * reading is possible, and, from a workbook, Excel serial numbers. Undefined when the cell is
 * none of these: the field's own coercion then explains what it expects.
 */
export const readDateCell = (
  text: string,
  options: { format?: DateFormat; excelSerials: boolean },
): DateReading => {
  const match = YEAR_FIRST.exec(text) ?? CHINESE.exec(text);
  if (match !== null) {
    const date = calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
    return date === undefined ? undefined : { date };
  }
  const last = YEAR_LAST.exec(text);
  if (last !== null) {
    const date = dayMonthYear(Number(last[1]), Number(last[2]), Number(last[3]), options.format);
    if (date !== undefined) return { date };
    const ambiguous = options.format !== "DD/MM/YYYY" && options.format !== "MM/DD/YYYY";
    return ambiguous ? { ambiguous: true } : undefined;
  }
  if (options.excelSerials) {
    const wall = excelSerialToWallClock(text);
    if (wall !== undefined) return { date: new Date(wall).toISOString().slice(0, 10) };
  }
  return undefined;
};
