import { excelSerialToWallClock, readDateCell } from "./date-cell.js";
import type { DateFormat } from "./import-state.js";
import { wallClockToInstant } from "./zoned-time.js";

export type DatetimeReading = { iso: string } | { ambiguous: true } | undefined;

const WITH_ZONE = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;
const DATE_AND_TIME = /^(.+?)(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3}))?)?)?$/;

/**
 * Reads a datetime cell written without a time zone, as the importing user's wall clock in
 * `timeZone`: any date `readDateCell` reads, optionally followed by "HH:MM[:SS[.mmm]]", and Excel
 * serial numbers from a workbook. A cell naming its zone (ISO 8601 with Z or an offset), or one of
 * no such form, is left to the field's own coercion (undefined).
 */
export const readDatetimeCell = (
  text: string,
  options: { format?: DateFormat; excelSerials: boolean; timeZone: string },
): DatetimeReading => {
  if (WITH_ZONE.test(text) && /\d{2}:\d{2}/.test(text)) return undefined;
  if (options.excelSerials) {
    const wall = excelSerialToWallClock(text);
    if (wall !== undefined)
      return { iso: new Date(wallClockToInstant(wall, options.timeZone)).toISOString() };
  }
  const match = DATE_AND_TIME.exec(text);
  if (match === null) return undefined;
  const [, datePart = "", hour = "0", minute = "0", second = "0", fraction = "0"] = match;
  const day = readDateCell(datePart, { ...options, excelSerials: false });
  if (day === undefined || "ambiguous" in day) return day;
  const [h, m, s] = [Number(hour), Number(minute), Number(second)];
  if (h > 23 || m > 59 || s > 59) return undefined;
  const [year, month, date] = day.date.split("-").map(Number) as [number, number, number];
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, date);
  wall.setUTCHours(h, m, s, Number(fraction.padEnd(3, "0")));
  return { iso: new Date(wallClockToInstant(wall.getTime(), options.timeZone)).toISOString() };
};
