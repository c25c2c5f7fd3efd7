const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterOf = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** How far `timeZone` is ahead of UTC at `instant` (ms). */
const offsetAt = (instant: number, timeZone: string): number => {
  const parts = formatterOf(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
};

/**
 * The instant a wall-clock time (ms, as if it were UTC) names in `timeZone`. A time skipped by a
 * daylight-saving change is read with the offset before the change.
 */
export const wallClockToInstant = (wallClock: number, timeZone: string): number => {
  const first = wallClock - offsetAt(wallClock, timeZone);
  return wallClock - offsetAt(first, timeZone);
};
