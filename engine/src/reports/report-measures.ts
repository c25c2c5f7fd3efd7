import type { Locale, ReportMeasure } from "@tessera/metadata";
import { localize } from "@tessera/metadata";
import { fieldLabel, type ReportField } from "./report-fields.js";

export type MeasureFormat = "number" | "currency" | "percent" | "date" | "datetime" | "integer";

/** How a measure's values are shown: a count is a whole number, the others take their field's kind. */
export const measureFormat = (
  operation: ReportMeasure["operation"],
  field: ReportField | undefined,
): MeasureFormat => {
  if (operation === "count" || field === undefined) return "integer";
  if (field.type === "currency" || field.type === "percent") return field.type;
  if ((operation === "min" || operation === "max") && (field.type === "date" || field.type === "datetime"))
    return field.type;
  return "number";
};

const DEFAULT_LABELS: Readonly<
  Record<ReportMeasure["operation"], Record<Locale, (field: string) => string>>
> = {
  count: { en: (f) => `Count of ${f}`, "zh-CN": (f) => `${f}计数` },
  sum: { en: (f) => `Sum of ${f}`, "zh-CN": (f) => `${f}合计` },
  avg: { en: (f) => `Average ${f}`, "zh-CN": (f) => `${f}平均值` },
  min: { en: (f) => `Min ${f}`, "zh-CN": (f) => `${f}最小值` },
  max: { en: (f) => `Max ${f}`, "zh-CN": (f) => `${f}最大值` },
};
const RECORD_COUNT: Readonly<Record<Locale, string>> = { en: "Record count", "zh-CN": "记录数" };

/** The measure's own label, else one made of the operation and the field's label. */
export const measureLabel = (
  measure: ReportMeasure,
  field: ReportField | undefined,
  locale: Locale,
): string => {
  const own = localize(measure.label, locale);
  if (own !== undefined) return own;
  if (field === undefined) return RECORD_COUNT[locale];
  return DEFAULT_LABELS[measure.operation][locale](fieldLabel(field, locale));
};

// As the field types store them: currency and percent values have 2 decimals unless a scale says otherwise.
const FIXED_DEFAULT_SCALE = 2;

const scaleOf = (field: ReportField): number | undefined => {
  const definition = field.definition;
  if (definition === undefined) return undefined;
  const fixed = field.type === "currency" || field.type === "percent";
  if (
    definition.type === "currency" ||
    definition.type === "percent" ||
    definition.type === "number" ||
    definition.type === "formula"
  )
    return definition.scale ?? (fixed ? FIXED_DEFAULT_SCALE : undefined);
  return undefined;
};

/**
 * A value as the report answers it. Sums, minima and maxima of a field with a fixed scale are
 * rounded to it: the store adds in floating point, and 0.1 + 0.2 must read 0.3. Averages keep
 * their precision; counts are whole numbers already.
 */
export const measureValue = (
  operation: ReportMeasure["operation"],
  field: ReportField | undefined,
  value: number | string | null | undefined,
): number | string | null => {
  if (value === undefined || value === null) return operation === "count" ? 0 : null;
  if (typeof value !== "number" || field === undefined || operation === "avg" || operation === "count")
    return value;
  const scale = scaleOf(field);
  if (scale === undefined) return value;
  const factor = 10 ** scale;
  return Math.round(value * factor) / factor;
};
