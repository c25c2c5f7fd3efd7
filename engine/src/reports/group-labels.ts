import type { DateBucket, JsonValue, Locale } from "@tessera/metadata";
import { formatFieldValue } from "@tessera/metadata";
import type { RecordContext } from "../records/record-context.js";
import { visibleNames } from "../records/visible-names.js";
import { bucketLabel } from "./bucket-label.js";
import type { ReportField } from "./report-fields.js";

const EMPTY: Readonly<Record<Locale, string>> = { en: "(empty)", "zh-CN": "（空）" };
const HIDDEN: Readonly<Record<Locale, string>> = { en: "(hidden)", "zh-CN": "（隐藏）" };

/** A group key as a map key: keys are JSON scalars, and "1" must not meet 1. */
export const keyId = (key: JsonValue): string => JSON.stringify(key);

const scalarLabel = (field: ReportField, key: JsonValue, locale: Locale): string => {
  if (field.definition !== undefined) {
    const shown = formatFieldValue(field.definition, key, { locale, timeZone: "UTC" });
    if (shown !== "") return shown;
  }
  if (typeof key === "number") return new Intl.NumberFormat(locale, { maximumFractionDigits: 8 }).format(key);
  return String(key);
};

/**
 * Labels of one grouping's keys in the caller's language: "(empty)" for no value, date buckets as
 * "Nov 2026", picklist options by their label, Yes/No, numbers in the locale, and a lookup or user
 * as the named record's name when the caller may see it, else "(hidden)".
 */
export const groupLabels = async (
  ctx: RecordContext,
  field: ReportField,
  bucket: DateBucket | undefined,
  keys: readonly JsonValue[],
): Promise<Map<string, string>> => {
  const labels = new Map<string, string>();
  const locale = ctx.locale;
  const present = keys.filter((key) => key !== null);
  if (keys.some((key) => key === null)) labels.set(keyId(null), EMPTY[locale]);
  if (field.target !== undefined) {
    const ids = new Set(present.filter((key): key is string => typeof key === "string"));
    const names = await visibleNames(ctx, field.target, ids);
    for (const key of present) labels.set(keyId(key), names.get(String(key)) ?? HIDDEN[locale]);
    return labels;
  }
  for (const key of present) {
    const label =
      bucket !== undefined && typeof key === "string"
        ? bucketLabel(key, bucket, locale)
        : scalarLabel(field, key, locale);
    labels.set(keyId(key), label);
  }
  return labels;
};
