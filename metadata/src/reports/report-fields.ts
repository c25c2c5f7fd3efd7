import type { ObjectDefinition } from "../kinds/object.js";
import type { ReportMeasure } from "../kinds/report.js";
import { valueTypeOf } from "./field-value-type.js";

/** Value types a report may group by (after valueTypeOf: formulas count as their return type). */
export const GROUPABLE_TYPES: ReadonlySet<string> = new Set([
  "picklist",
  "text",
  "email",
  "phone",
  "boolean",
  "lookup",
  "masterDetail",
  "user",
  "date",
  "datetime",
  "number",
  "percent",
  "currency",
  "autoNumber",
]);

export const NUMERIC_TYPES: ReadonlySet<string> = new Set(["number", "currency", "percent"]);
export const DATE_TYPES: ReadonlySet<string> = new Set(["date", "datetime"]);

/** How a measure's values are shown: counts are integers, others take the format of their field. */
export type MeasureFormat = "number" | "currency" | "percent" | "date" | "datetime" | "integer";

/** A field a report may group by: a readable field whose values are of a GROUPABLE_TYPES type. */
export const isGroupableField = (object: ObjectDefinition, name: string): boolean => {
  const type = valueTypeOf(object, name);
  return type !== undefined && GROUPABLE_TYPES.has(type);
};

/** Whether records may be grouped by `name` in buckets of days, weeks, ... (a date or datetime). */
export const isBucketedField = (object: ObjectDefinition, name: string): boolean => {
  const type = valueTypeOf(object, name);
  return type !== undefined && DATE_TYPES.has(type);
};

/**
 * Whether `operation` may summarise `field`: `count` any analysable field (records having a
 * value), `sum` and `avg` numbers, currencies and percents, `min` and `max` those and dates.
 */
export const isMeasurable = (
  object: ObjectDefinition,
  operation: ReportMeasure["operation"],
  field: string,
): boolean => {
  const type = valueTypeOf(object, field);
  if (type === undefined) return false;
  switch (operation) {
    case "count":
      return true;
    case "sum":
    case "avg":
      return NUMERIC_TYPES.has(type);
    case "min":
    case "max":
      return NUMERIC_TYPES.has(type) || DATE_TYPES.has(type);
  }
};

/**
 * The format of a measure's values. `count` is an integer; the others keep their field's format
 * (an average of currencies is a currency, a minimum of dates a date). For a measure the checks
 * would refuse, `number`.
 */
export const measureFormat = (object: ObjectDefinition, measure: ReportMeasure): MeasureFormat => {
  if (measure.operation === "count" || measure.field === undefined) return "integer";
  const type = valueTypeOf(object, measure.field);
  switch (type) {
    case "currency":
    case "percent":
    case "date":
    case "datetime":
      return type;
    default:
      return "number";
  }
};
