import { type Static, Type } from "@sinclair/typebox";
import { defineFieldSchema } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { checkLiteralDefault } from "../literal-default.js";
import { coerceDecimal } from "../number-coercion.js";
import { checkNumericBounds, numericProperties, numericValueSchema } from "../number-options.js";
import { NUMERIC_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";

export const CURRENCY_DEFAULT_SCALE = 2;

const currencyOptions = {
  ...numericProperties(4),
  /** ISO 4217 code shown with amounts; the tenant's currency when absent. */
  currencyCode: Type.Optional(Type.String({ pattern: "^[A-Z]{3}$" })),
};

export const currencyFieldSchema = defineFieldSchema("currency", currencyOptions);
export type CurrencyField = Static<typeof currencyFieldSchema>;

const scaleOf = (field: CurrencyField): number => field.scale ?? CURRENCY_DEFAULT_SCALE;

/** An amount of money in one currency. Input may carry a leading ¥, $, € or £ ("¥1,234.50"). */
export const currencyField: FieldTypeDescriptor<CurrencyField> = {
  type: "currency",
  label: { en: "Currency", "zh-CN": "货币" },
  category: "number",
  source: "input",
  schema: currencyFieldSchema,
  optionsSchema: defineOptionsSchema(currencyOptions),
  toJsonSchema: (field) => numericValueSchema(field, scaleOf(field)),
  toUiSchema: (field) => ({
    "ui:widget": "currency",
    "ui:options": {
      scale: scaleOf(field),
      ...(field.currencyCode === undefined ? {} : { currencyCode: field.currencyCode }),
    },
  }),
  coerce: (value, field) => coerceDecimal(value, scaleOf(field), { currencySymbol: true }),
  operators: NUMERIC_OPERATORS,
  indexHint: "value",
  check: (field) => [...checkNumericBounds(field), ...checkLiteralDefault(field, currencyField.coerce)],
};
