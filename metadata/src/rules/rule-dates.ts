/**
 * Calendar arithmetic on ISO 8601 text, without `Date` parsing quirks (two-digit years, local time
 * zones). A date is `YYYY-MM-DD`; a datetime is `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]`, and one
 * without an offset is read as UTC.
 */

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Days since 1970-01-01 (proleptic Gregorian calendar). */
export const dayNumber = ({ year, month, day }: CivilDate): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
};

export const civilDate = (days: number): CivilDate => {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
};

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** `YYYY-MM-DD`, or undefined outside years 0000-9999. */
const formatDate = ({ year, month, day }: CivilDate): string | undefined =>
  year < 0 || year > 9999 ? undefined : `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

const validCivil = (year: number, month: number, day: number): CivilDate | undefined => {
  const date = { year, month, day };
  const back = civilDate(dayNumber(date));
  return month >= 1 && month <= 12 && back.month === month && back.day === day ? date : undefined;
};

export const parseDate = (text: string): CivilDate | undefined => {
  const m = DATE.exec(text);
  return m ? validCivil(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
};

export interface ParsedDateTime {
  date: CivilDate;
  /** Everything after the date (`T10:00:00+08:00`), kept verbatim by `addDays`. */
  rest: string;
  /** Milliseconds since the epoch. */
  instant: number;
}

export const parseDateTime = (text: string): ParsedDateTime | undefined => {
  const m = DATETIME.exec(text);
  if (!m) return undefined;
  const date = validCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (date === undefined || hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = m[8] ?? "Z";
  let offsetMinutes = 0;
  if (offset !== "Z") {
    const [oh, om] = [Number(offset.slice(1, 3)), Number(offset.slice(4, 6))];
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (offset.startsWith("-") ? -1 : 1) * (oh * 60 + om);
  }
  const millis = Math.floor(Number(`0.${m[7] ?? "0"}`) * 1000);
  const instant =
    dayNumber(date) * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
  return { date, rest: text.slice(10), instant };
};

/** The clock's day in UTC as `YYYY-MM-DD`; undefined for an invalid Date. */
export const todayOf = (clock: Date): string | undefined => {
  const time = clock.getTime();
  return Number.isNaN(time) ? undefined : formatDate(civilDate(Math.floor(time / DAY_MS)));
};

/** The clock as an ISO datetime in UTC with milliseconds; undefined for an invalid Date. */
export const nowOf = (clock: Date): string | undefined => {
  const time = clock.getTime();
  return Number.isNaN(time) || Math.abs(time) > 8.64e15 ? undefined : new Date(time).toISOString();
};

/** `addDays`: a date stays a date; a datetime keeps its time and offset text. */
export const addDays = (value: string, days: number): string | undefined => {
  const date = parseDate(value);
  if (date !== undefined) return formatDate(civilDate(dayNumber(date) + days));
  const dateTime = parseDateTime(value);
  if (dateTime === undefined) return undefined;
  const shifted = formatDate(civilDate(dayNumber(dateTime.date) + days));
  return shifted === undefined ? undefined : shifted + dateTime.rest;
};

/**
 * `daysBetween`: whole days from `a` to `b`. Two dates differ by calendar days; otherwise both are
 * instants (a date is midnight UTC) and the elapsed time is truncated toward zero.
 */
export const daysBetween = (a: string, b: string): number | undefined => {
  const dateA = parseDate(a);
  const dateB = parseDate(b);
  if (dateA !== undefined && dateB !== undefined) return dayNumber(dateB) - dayNumber(dateA);
  const instantA = dateA !== undefined ? dayNumber(dateA) * DAY_MS : parseDateTime(a)?.instant;
  const instantB = dateB !== undefined ? dayNumber(dateB) * DAY_MS : parseDateTime(b)?.instant;
  if (instantA === undefined || instantB === undefined) return undefined;
  return Math.trunc((instantB - instantA) / DAY_MS) + 0;
};
