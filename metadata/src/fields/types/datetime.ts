import { type Static, Type } from "@sinclair/typebox";
import { parseIsoDateTime, toEpochMilliseconds } from "../calendar.js";
import { accepted, refused } from "../coercion.js";
import { defaultProperty, defineFieldSchema, requiredProperty } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { checkLiteralDefault } from "../literal-default.js";
import { TEMPORAL_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";

/** `Date#toISOString` for years 0000-9999: fixed width, so stored values sort as they compare. */
export const DATETIME_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$";
const DATETIME_REGEX = new RegExp(DATETIME_PATTERN);
const DATETIME_LENGTH = 24;
// Date's own range: ±100,000,000 days from the epoch.
const MAX_EPOCH_MILLISECONDS = 8.64e15;

const datetimeOptions = {
  ...requiredProperty,
  ...defaultProperty(Type.String({ maxLength: 64 })),
};

export const datetimeFieldSchema = defineFieldSchema("datetime", datetimeOptions);
export type DatetimeField = Static<typeof datetimeFieldSchema>;

const invalidDatetime = () =>
  refused("field.invalidDatetime", "Enter a date and time such as 2024-03-31T14:30:00+08:00.");

const canonical = (epochMilliseconds: number) => {
  if (!Number.isInteger(epochMilliseconds) || Math.abs(epochMilliseconds) > MAX_EPOCH_MILLISECONDS) {
    return invalidDatetime();
  }
  const iso = new Date(epochMilliseconds).toISOString();
  return DATETIME_REGEX.test(iso) ? accepted(iso) : invalidDatetime();
};

/**
 * ISO 8601 text with or without an offset, or epoch milliseconds. Text without a zone is read as
 * UTC (a server cannot know the writer's zone; clients should send an offset); a bare date is
 * midnight UTC. Fractions finer than milliseconds are truncated.
 */
const coerceDatetime = (value: unknown) => {
  if (typeof value === "number") return canonical(value);
  if (typeof value !== "string") return invalidDatetime();
  const parsed = parseIsoDateTime(value.trim());
  return parsed === undefined ? invalidDatetime() : canonical(toEpochMilliseconds(parsed));
};

/** An instant, stored in UTC as "YYYY-MM-DDTHH:MM:SS.sssZ"; shown in the viewer's time zone. */
export const datetimeField: FieldTypeDescriptor<DatetimeField> = {
  type: "datetime",
  label: { en: "Date and time", "zh-CN": "日期时间" },
  category: "date",
  source: "input",
  schema: datetimeFieldSchema,
  optionsSchema: defineOptionsSchema(datetimeOptions),
  toJsonSchema: () => ({
    type: "string",
    maxLength: DATETIME_LENGTH,
    format: "date-time",
    pattern: DATETIME_PATTERN,
  }),
  toUiSchema: () => ({ "ui:widget": "date-time" }),
  coerce: coerceDatetime,
  operators: TEMPORAL_OPERATORS,
  indexHint: "value",
  check: (field) => checkLiteralDefault(field, datetimeField.coerce),
};
