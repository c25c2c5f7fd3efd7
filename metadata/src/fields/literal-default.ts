import type { MetadataIssue } from "../issues/metadata-issue.js";
import { isPlainObject } from "../json/json-types.js";
import type { Coercion } from "./field-type-descriptor.js";

export type FieldIssue = Omit<MetadataIssue, "document">;

/** A `default` given as `{"expression": ...}` is computed on create, not checked here. */
export const isExpressionDefault = (value: unknown): value is { expression: unknown } =>
  isPlainObject(value) && "expression" in value;

/** The literal `default` of a field, if it has one (absent and expression defaults give undefined). */
export const literalDefault = (field: { default?: unknown }): unknown =>
  field.default === undefined || isExpressionDefault(field.default) ? undefined : field.default;

/**
 * A literal default must be a value the field would store as it is: defaults are applied after
 * coercion, so a default that coercion would refuse or rewrite would slip past it.
 */
export const checkLiteralDefault = <F extends { default?: unknown }>(
  field: F,
  coerce: (value: unknown, field: F) => Coercion,
): FieldIssue[] => {
  const value = literalDefault(field);
  if (value === undefined) return [];
  const result = coerce(value, field);
  if (!result.ok) {
    return [
      {
        path: "/default",
        code: "field.invalidDefault",
        message: `The default value is not valid: ${result.message}`,
      },
    ];
  }
  if (JSON.stringify(result.value) !== JSON.stringify(value)) {
    return [
      {
        path: "/default",
        code: "field.invalidDefault",
        message: `Write the default value as it is stored: ${JSON.stringify(result.value)}.`,
      },
    ];
  }
  return [];
};
