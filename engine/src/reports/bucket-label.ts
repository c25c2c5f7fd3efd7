import type { DateBucket, Locale } from "@tessera/metadata";

const utcDate = (locale: Locale, options: Intl.DateTimeFormatOptions, day: string): string =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

/**
 * A date bucket key (dateBucketKey: "2026-11-26", week "2026-11-23" its Monday, "2026-11",
 * "2026-Q4", "2026") as a reader names it: "Nov 2026" / "2026年11月", "Q4 2026" / "2026年第4季度".
 * A key of another shape is shown as it is.
 */
export const bucketLabel = (key: string, bucket: DateBucket, locale: Locale): string => {
  const zh = locale === "zh-CN";
  if (bucket === "quarter") {
    const match = /^(\d{4})-Q([1-4])$/.exec(key);
    if (match === null) return key;
    return zh ? `${match[1]}年第${match[2]}季度` : `Q${match[2]} ${match[1]}`;
  }
  if (bucket === "year") return /^\d{4}$/.test(key) && zh ? `${key}年` : key;
  if (bucket === "month")
    return /^\d{4}-\d{2}$/.test(key)
      ? utcDate(locale, { year: "numeric", month: "short" }, `${key}-01`)
      : key;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key) || Number.isNaN(Date.parse(key))) return key;
  const day = utcDate(locale, { dateStyle: "medium" }, key);
  if (bucket === "day") return day;
  return zh ? `${day}当周` : `Week of ${day}`;
};
