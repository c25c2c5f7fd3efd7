import { type Static, Type } from "@sinclair/typebox";
import type { Locale } from "../../i18n/localized-text.js";
import type { JsonSchema, UiSchema } from "../../json/json-types.js";
import type { FilterOperator } from "../../rules/filter-operator.js";
import { defineFieldSchema, ExpressionSchema } from "../field-base.js";
import type { Coercion, FieldBase, FieldTypeDescriptor } from "../field-type-descriptor.js";
import { BOOLEAN_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";
import { booleanField } from "./boolean.js";
import { currencyField } from "./currency.js";
import { dateField } from "./date.js";
import { datetimeField } from "./datetime.js";
import { numberField } from "./number.js";
import { percentField } from "./percent.js";
import { TEXT_MAX_LENGTH_LIMIT, textField } from "./text.js";

export const FORMULA_RETURN_TYPES = [
  "text",
  "number",
  "currency",
  "percent",
  "boolean",
  "date",
  "datetime",
] as const;
export type FormulaReturnType = (typeof FORMULA_RETURN_TYPES)[number];

const formulaOptions = {
  /** JsonLogic over the record's fields; checked by the rule validator (references, cycles, budget). */
  expression: ExpressionSchema,
  returnType: Type.Union(FORMULA_RETURN_TYPES.map((type) => Type.Literal(type))),
  /** Decimals of a numeric result; the return type's default when absent. */
  scale: Type.Optional(Type.Integer({ minimum: 0, maximum: 8 })),
};

export const formulaFieldSchema = defineFieldSchema("formula", formulaOptions);
export type FormulaField = Static<typeof formulaFieldSchema>;

/** A formula's result seen as a field of its return type. */
export interface FormulaResultType {
  readonly operators: readonly FilterOperator[];
  toJsonSchema(): JsonSchema;
  toUiSchema(locale: Locale): UiSchema;
  coerce(value: unknown): Coercion;
}

const bind = <F extends FieldBase>(descriptor: FieldTypeDescriptor<F>, field: F): FormulaResultType => ({
  operators: descriptor.operators,
  toJsonSchema: () => descriptor.toJsonSchema(field),
  toUiSchema: (locale) => descriptor.toUiSchema(field, locale),
  coerce: (value) => descriptor.coerce(value, field),
});

/**
 * The field type a formula's result behaves as: its record schema, widget, filter operators and
 * normalisation (a currency formula rounds to its scale like a currency field).
 */
export const formulaResultType = (field: FormulaField): FormulaResultType => {
  const base = { name: field.name, label: field.label };
  switch (field.returnType) {
    case "text":
      return bind(textField, { ...base, type: "text", maxLength: TEXT_MAX_LENGTH_LIMIT });
    case "number":
      return bind(numberField, { ...base, type: "number", scale: field.scale });
    case "currency":
      return bind(currencyField, { ...base, type: "currency", scale: field.scale });
    case "percent":
      return bind(percentField, { ...base, type: "percent", scale: field.scale });
    case "boolean":
      return bind(booleanField, { ...base, type: "boolean" });
    case "date":
      return bind(dateField, { ...base, type: "date" });
    case "datetime":
      return bind(datetimeField, { ...base, type: "datetime" });
  }
};

/**
 * A value computed from the record on every write (and shown read-only). `coerce` normalises a
 * computed result by the return type's rules; a result it refuses (NaN from a division by zero, a
 * text too long) should be stored as null. The filter operators depend on the return type: use
 * `operatorsOf(field)` from the registry; `operators` here lists only those every return type has.
 */
export const formulaField: FieldTypeDescriptor<FormulaField> = {
  type: "formula",
  label: { en: "Formula", "zh-CN": "公式" },
  category: "computed",
  source: "computed",
  schema: formulaFieldSchema,
  optionsSchema: defineOptionsSchema(formulaOptions),
  toJsonSchema: (field) => formulaResultType(field).toJsonSchema(),
  toUiSchema: (field, locale) => ({ ...formulaResultType(field).toUiSchema(locale), "ui:readonly": true }),
  coerce: (value, field) => formulaResultType(field).coerce(value),
  operators: BOOLEAN_OPERATORS,
  indexHint: "value",
};
