/** Calendar arithmetic and ISO 8601 parsing shared by the date, datetime and time field types. */

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export interface IsoDateTime extends CalendarDate, ClockTime {
  readonly millisecond: number;
  /** Minutes east of UTC; undefined when the text names no time zone. */
  readonly offsetMinutes: number | undefined;
}

// Longer inputs are not dates anyone typed; refusing them early bounds regex work.
export const MAX_TEMPORAL_INPUT = 64;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
};

export const isCalendarDate = ({ year, month, day }: CalendarDate): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

export const isClockTime = ({ hour, minute, second }: ClockTime): boolean =>
  hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");

/** "YYYY-MM-DD". */
export const formatCalendarDate = ({ year, month, day }: CalendarDate): string =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** "HH:MM:SS". */
export const formatClockTime = ({ hour, minute, second }: ClockTime): string =>
  `${pad(hour)}:${pad(minute)}:${pad(second)}`;

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

const parseOffset = (zone: string | undefined): number | undefined | null => {
  if (zone === undefined) return undefined;
  if (zone === "Z" || zone === "z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
};

/**
 * Parses "YYYY-MM-DD", optionally followed by "THH:MM[:SS[.fff]]" and a zone ("Z", "+08:00",
 * "+0800", "+08"). Undefined when the text is not of that form or names an impossible date or time.
 */
export const parseIsoDateTime = (text: string): IsoDateTime | undefined => {
  if (text.length > MAX_TEMPORAL_INPUT) return undefined;
  const match = ISO_DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "", zone] = match;
  const offsetMinutes = parseOffset(zone);
  if (offsetMinutes === null) return undefined;
  const parsed: IsoDateTime = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    // Finer than milliseconds is truncated: the stored form has three decimals.
    millisecond: Number(fraction.padEnd(3, "0").slice(0, 3)),
    offsetMinutes,
  };
  return isCalendarDate(parsed) && isClockTime(parsed) ? parsed : undefined;
};

/** Milliseconds since the epoch; a text without a zone is read as UTC. */
export const toEpochMilliseconds = (value: IsoDateTime): number => {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(value.year, value.month - 1, value.day);
  date.setUTCHours(value.hour, value.minute, value.second, value.millisecond);
  return date.getTime() - (value.offsetMinutes ?? 0) * 60_000;
};

const CLOCK_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Parses "H:MM", "HH:MM" or "HH:MM:SS" (24-hour clock). */
export const parseClockTime = (text: string): ClockTime | undefined => {
  if (text.length > MAX_TEMPORAL_INPUT) return undefined;
  const match = CLOCK_TIME.exec(text);
  if (match === null) return undefined;
  const [, hour, minute, second = "0"] = match;
  const parsed = { hour: Number(hour), minute: Number(minute), second: Number(second) };
  return isClockTime(parsed) ? parsed : undefined;
};
