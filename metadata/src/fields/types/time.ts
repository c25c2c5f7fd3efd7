import { type Static, Type } from "@sinclair/typebox";
import { formatClockTime, parseClockTime } from "../calendar.js";
import { accepted, refused } from "../coercion.js";
import { defaultProperty, defineFieldSchema, requiredProperty } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { checkLiteralDefault } from "../literal-default.js";
import { TEMPORAL_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";

export const TIME_PATTERN = "^(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$";

const timeOptions = {
  ...requiredProperty,
  ...defaultProperty(Type.String({ pattern: TIME_PATTERN, maxLength: 8 })),
};

export const timeFieldSchema = defineFieldSchema("time", timeOptions);
export type TimeField = Static<typeof timeFieldSchema>;

const coerceTime = (value: unknown) => {
  const time = typeof value === "string" ? parseClockTime(value.trim()) : undefined;
  return time === undefined
    ? refused("field.invalidTime", "Enter a time of day as HH:MM or HH:MM:SS, such as 14:30.")
    : accepted(formatClockTime(time));
};

/** A time of day without a date or time zone (opening hours, a preferred call time): "HH:MM:SS". */
export const timeField: FieldTypeDescriptor<TimeField> = {
  type: "time",
  label: { en: "Time", "zh-CN": "时间" },
  category: "date",
  source: "input",
  schema: timeFieldSchema,
  optionsSchema: defineOptionsSchema(timeOptions),
  toJsonSchema: () => ({ type: "string", maxLength: 8, pattern: TIME_PATTERN }),
  toUiSchema: () => ({ "ui:widget": "time" }),
  coerce: coerceTime,
  operators: TEMPORAL_OPERATORS,
  indexHint: "value",
  check: (field) => checkLiteralDefault(field, timeField.coerce),
};
