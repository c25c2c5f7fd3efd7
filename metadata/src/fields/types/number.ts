import type { Static } from "@sinclair/typebox";
import { defineFieldSchema, uniqueProperty } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { checkLiteralDefault } from "../literal-default.js";
import { coerceDecimal } from "../number-coercion.js";
import { checkNumericBounds, numericProperties, numericValueSchema } from "../number-options.js";
import { NUMERIC_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";

const numberOptions = { ...numericProperties(8), ...uniqueProperty };

export const numberFieldSchema = defineFieldSchema("number", numberOptions);
export type NumberField = Static<typeof numberFieldSchema>;

/**
 * A number. `scale` n rounds input to n decimals (half away from zero), 0 makes it an integer;
 * without a scale, decimals are kept as entered.
 */
export const numberField: FieldTypeDescriptor<NumberField> = {
  type: "number",
  label: { en: "Number", "zh-CN": "数字" },
  category: "number",
  source: "input",
  schema: numberFieldSchema,
  optionsSchema: defineOptionsSchema(numberOptions),
  toJsonSchema: (field) => numericValueSchema(field, field.scale),
  toUiSchema: (field) => ({
    "ui:widget": "updown",
    ...(field.scale === undefined ? {} : { "ui:options": { scale: field.scale } }),
  }),
  coerce: (value, field) => coerceDecimal(value, field.scale),
  operators: NUMERIC_OPERATORS,
  indexHint: "value",
  check: (field) => [...checkNumericBounds(field), ...checkLiteralDefault(field, numberField.coerce)],
};
