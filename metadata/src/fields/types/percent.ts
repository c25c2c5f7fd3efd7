import type { Static } from "@sinclair/typebox";
import { defineFieldSchema } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { checkLiteralDefault } from "../literal-default.js";
import { coerceDecimal } from "../number-coercion.js";
import { checkNumericBounds, numericProperties, numericValueSchema } from "../number-options.js";
import { NUMERIC_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";

export const PERCENT_DEFAULT_SCALE = 2;

const percentOptions = numericProperties(8);

export const percentFieldSchema = defineFieldSchema("percent", percentOptions);
export type PercentField = Static<typeof percentFieldSchema>;

const scaleOf = (field: PercentField): number => field.scale ?? PERCENT_DEFAULT_SCALE;

/**
 * A percentage, stored as the percent figure: 12.5 means 12.5% (not 0.125), so filters and
 * min/max read as people write them. Input may end with "%".
 */
export const percentField: FieldTypeDescriptor<PercentField> = {
  type: "percent",
  label: { en: "Percent", "zh-CN": "百分比" },
  category: "number",
  source: "input",
  schema: percentFieldSchema,
  optionsSchema: defineOptionsSchema(percentOptions),
  toJsonSchema: (field) => numericValueSchema(field, scaleOf(field)),
  toUiSchema: (field) => ({ "ui:widget": "percent", "ui:options": { scale: scaleOf(field) } }),
  coerce: (value, field) => coerceDecimal(value, scaleOf(field), { percentSign: true }),
  operators: NUMERIC_OPERATORS,
  indexHint: "value",
  check: (field) => [...checkNumericBounds(field), ...checkLiteralDefault(field, percentField.coerce)],
};
