import { type Static, Type } from "@sinclair/typebox";
import {
  type CalendarDate,
  formatCalendarDate,
  isCalendarDate,
  MAX_TEMPORAL_INPUT,
  parseIsoDateTime,
} from "../calendar.js";
import { accepted, refused } from "../coercion.js";
import { defaultProperty, defineFieldSchema, requiredProperty } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { checkLiteralDefault, type FieldIssue } from "../literal-default.js";
import { TEMPORAL_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";

const DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
const DateStringSchema = Type.String({ pattern: DATE_PATTERN, maxLength: 10 });

const dateOptions = {
  ...requiredProperty,
  ...defaultProperty(DateStringSchema),
  /** Earliest allowed date, "YYYY-MM-DD", inclusive. */
  min: Type.Optional(DateStringSchema),
  /** Latest allowed date, "YYYY-MM-DD", inclusive. */
  max: Type.Optional(DateStringSchema),
};

export const dateFieldSchema = defineFieldSchema("date", dateOptions);
export type DateField = Static<typeof dateFieldSchema>;

const SLASHED_DATE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

const readSlashedDate = (text: string): CalendarDate | undefined => {
  const match = SLASHED_DATE.exec(text);
  if (match === null) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isCalendarDate(date) ? date : undefined;
};

/**
 * "YYYY-MM-DD"; "YYYY/M/D"; or a full ISO datetime, of which the date is taken as written
 * ("2024-03-05T23:30:00-05:00" is 2024-03-05, not the UTC date), since that is the day its author meant.
 */
const coerceDate = (value: unknown, field: DateField) => {
  const text = typeof value === "string" && value.length <= MAX_TEMPORAL_INPUT ? value.trim() : undefined;
  const date = text === undefined ? undefined : (parseIsoDateTime(text) ?? readSlashedDate(text));
  if (date === undefined)
    return refused("field.invalidDate", "Enter a real date as YYYY-MM-DD, such as 2024-03-31.");
  const stored = formatCalendarDate(date);
  // "YYYY-MM-DD" strings compare as the dates they name.
  if (field.min !== undefined && stored < field.min) {
    return refused("field.outOfRange", `Enter a date on or after ${field.min}.`);
  }
  if (field.max !== undefined && stored > field.max) {
    return refused("field.outOfRange", `Enter a date on or before ${field.max}.`);
  }
  return accepted(stored);
};

const checkBounds = (field: DateField): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  for (const key of ["min", "max"] as const) {
    const bound = field[key];
    if (bound !== undefined && parseIsoDateTime(bound) === undefined) {
      issues.push({ path: `/${key}`, code: "field.invalidBound", message: `"${bound}" is not a real date.` });
    }
  }
  if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
    issues.push({
      path: "/min",
      code: "field.minAboveMax",
      message: "The earliest date is after the latest date.",
    });
  }
  return issues;
};

/**
 * A calendar date without a time zone, stored as "YYYY-MM-DD" (which sorts as it reads). `min` and
 * `max` are enforced by `coerce`, not by the record schema: JSON Schema cannot order strings, and
 * ajv-formats' `formatMinimum` keyword is not enabled in Tessera's ajv (validate/create-ajv.ts).
 */
export const dateField: FieldTypeDescriptor<DateField> = {
  type: "date",
  label: { en: "Date", "zh-CN": "日期" },
  category: "date",
  source: "input",
  schema: dateFieldSchema,
  optionsSchema: defineOptionsSchema(dateOptions),
  toJsonSchema: () => ({
    type: "string",
    maxLength: 10,
    format: "date",
  }),
  toUiSchema: () => ({ "ui:widget": "date" }),
  coerce: coerceDate,
  operators: TEMPORAL_OPERATORS,
  indexHint: "value",
  check: (field) => [...checkBounds(field), ...checkLiteralDefault(field, dateField.coerce)],
};
