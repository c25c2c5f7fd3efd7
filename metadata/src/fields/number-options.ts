import { Type } from "@sinclair/typebox";
import type { JsonSchema } from "../json/json-types.js";
import { defaultProperty, requiredProperty } from "./field-base.js";
import { type FieldIssue, literalDefault } from "./literal-default.js";

/** Keys number, currency and percent fields share; `scale` bounds differ per type. */
export const numericProperties = (maxScale: number) => ({
  ...requiredProperty,
  ...defaultProperty(Type.Number()),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  scale: Type.Optional(Type.Integer({ minimum: 0, maximum: maxScale })),
});

interface NumericBounds {
  min?: number;
  max?: number;
  default?: unknown;
}

/** The stored value: an integer when the scale is 0, otherwise any number; within min and max. */
export const numericValueSchema = (field: NumericBounds, scale: number | undefined): JsonSchema => ({
  type: scale === 0 ? "integer" : "number",
  ...(field.min === undefined ? {} : { minimum: field.min }),
  ...(field.max === undefined ? {} : { maximum: field.max }),
});

/** `min` not above `max`, and a literal default between them. */
export const checkNumericBounds = (field: NumericBounds): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  const { min, max } = field;
  if (min !== undefined && max !== undefined && min > max) {
    issues.push({
      path: "/min",
      code: "field.minAboveMax",
      message: `The minimum (${min}) is above the maximum (${max}).`,
    });
  }
  const value = literalDefault(field);
  if (
    typeof value === "number" &&
    ((min !== undefined && value < min) || (max !== undefined && value > max))
  ) {
    issues.push({
      path: "/default",
      code: "field.defaultOutOfRange",
      message: `The default value ${value} is outside the allowed range.`,
    });
  }
  return issues;
};
