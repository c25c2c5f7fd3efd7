export const DATE_BUCKETS = ["day", "week", "month", "quarter", "year"] as const;
export type DateBucket = (typeof DATE_BUCKETS)[number];

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;
const DAY_MS = 86_400_000;

const pad = (value: number, width: number): string => String(value).padStart(width, "0");

/** Milliseconds of a UTC calendar day; setUTCFullYear keeps years 0..99 as written (Date.UTC would not). */
const utcTime = (year: number, month: number, day: number): number => {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
};

const isoDay = (time: number): string => {
  const date = new Date(time);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
};

/**
 * The UTC calendar day of a stored date ("2026-11-26") or datetime (any ISO 8601 text Date.parse
 * reads, offset included); undefined when `value` is neither.
 */
const utcDay = (value: string): { year: number; month: number; day: number } | undefined => {
  const plain = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = plain ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  const day = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  // Date.parse rolls "2026-02-30" over to March; a stored date never looks like that.
  const match = plain ? DATE_PREFIX.exec(value) : null;
  if (match !== null && Number(match[2]) !== day.month) return undefined;
  return day;
};

/**
 * The key of the bucket a date or datetime falls in: day "2026-11-26", week the Monday of its ISO
 * week "2026-11-23", month "2026-11", quarter "2026-Q4", year "2026". Datetimes are bucketed by
 * their UTC day, so every reader and both stores agree. Keys of one bucket sort chronologically as
 * text. Throws on a value that is not a date or datetime: stores only hold valid ones.
 */
export const dateBucketKey = (value: string, bucket: DateBucket): string => {
  const day = utcDay(value);
  if (day === undefined) throw new RangeError(`"${value}" is not a date or datetime.`);
  switch (bucket) {
    case "day":
      return `${pad(day.year, 4)}-${pad(day.month, 2)}-${pad(day.day, 2)}`;
    case "week": {
      const time = utcTime(day.year, day.month, day.day);
      // getUTCDay: Sunday 0 .. Saturday 6; ISO weeks start on Monday.
      const sinceMonday = (new Date(time).getUTCDay() + 6) % 7;
      return isoDay(time - sinceMonday * DAY_MS);
    }
    case "month":
      return `${pad(day.year, 4)}-${pad(day.month, 2)}`;
    case "quarter":
      return `${pad(day.year, 4)}-Q${Math.floor((day.month - 1) / 3) + 1}`;
    case "year":
      return pad(day.year, 4);
  }
};
