import { type Static, Type } from "@sinclair/typebox";
import { defineFieldSchema, ExpressionSchema, NAME_PATTERN } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { coerceDecimal } from "../number-coercion.js";
import { NUMERIC_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";

export const ROLLUP_OPERATIONS = ["count", "sum", "min", "max", "avg"] as const;
export type RollupOperation = (typeof ROLLUP_OPERATIONS)[number];

const FieldNameSchema = Type.String({ pattern: NAME_PATTERN, maxLength: 63 });

const rollupSummaryOptions = {
  /** The child object whose records are summarised. */
  childObject: FieldNameSchema,
  /** The lookup or master-detail field on the child that references this object. */
  relationshipField: FieldNameSchema,
  operation: Type.Union(ROLLUP_OPERATIONS.map((operation) => Type.Literal(operation))),
  /** The child field summarised; required unless the operation is `count`. */
  summaryField: Type.Optional(FieldNameSchema),
  /** Only children matching this JsonLogic filter are summarised. */
  filter: Type.Optional(ExpressionSchema),
};

export const rollupSummaryFieldSchema = defineFieldSchema("rollupSummary", rollupSummaryOptions);
export type RollupSummaryField = Static<typeof rollupSummaryFieldSchema>;

/**
 * A number summarising child records (count, sum, min, max, avg), kept up to date by the engine
 * after child writes. The value is always a number, so min and max apply to numeric child fields
 * only; that the summary field is numeric needs the child object, so the object-level checks own it.
 */
export const rollupSummaryField: FieldTypeDescriptor<RollupSummaryField> = {
  type: "rollupSummary",
  label: { en: "Roll-up summary", "zh-CN": "汇总" },
  category: "computed",
  source: "computed",
  schema: rollupSummaryFieldSchema,
  optionsSchema: defineOptionsSchema(rollupSummaryOptions),
  toJsonSchema: (field) => ({ type: field.operation === "count" ? "integer" : "number" }),
  toUiSchema: () => ({ "ui:readonly": true }),
  coerce: (value) => coerceDecimal(value, undefined),
  operators: NUMERIC_OPERATORS,
  indexHint: "value",
  check: (field) =>
    field.operation !== "count" && field.summaryField === undefined
      ? [
          {
            path: "/summaryField",
            code: "rollupSummary.summaryFieldRequired",
            message: `A ${field.operation} summary needs the child field to summarise.`,
          },
        ]
      : [],
};
