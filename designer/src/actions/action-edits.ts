import {
  type CreateRecordAction,
  expressionOfValue,
  type FieldDefinition,
  type FieldUpdateAction,
  type JsonValue,
  type ObjectDefinition,
} from "@tessera/metadata";
import { requiredValues, startingValue } from "./action-defaults.js";

/** Whether an action value is computed (`{"expression": ...}`) rather than a fixed value. */
export const isComputed = (value: unknown): boolean => expressionOfValue(value) !== undefined;

/**
 * The value after switching between a fixed value and a formula. A fixed value becomes the formula
 * that returns it (JsonLogic reads a literal as itself), so nothing typed is lost; a formula that
 * is only a literal becomes that literal, any other the field's starting value.
 */
export const switchValueKind = (
  value: unknown,
  computed: boolean,
  field: FieldDefinition | undefined,
): JsonValue => {
  const current = expressionOfValue(value);
  if (computed)
    return current === undefined ? { expression: (value ?? null) as JsonValue } : (value as JsonValue);
  if (current === undefined) return value as JsonValue;
  const inner = current.expression;
  return isLiteral(inner) ? inner : startingValue(field);
};

const isPrimitive = (value: unknown): value is string | number | boolean | null =>
  value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";

/** A JsonLogic expression that is only a value: a primitive, or a list of them. */
const isLiteral = (value: unknown): value is JsonValue =>
  isPrimitive(value) || (Array.isArray(value) && value.every(isPrimitive));

/** A field update aimed at another field: a formula is kept, a fixed value restarts for the new type. */
export const retargetFieldUpdate = (
  action: FieldUpdateAction,
  field: FieldDefinition | undefined,
  name: string,
): FieldUpdateAction => ({
  ...action,
  field: name,
  value: isComputed(action.value) ? (action.value as JsonValue) : startingValue(field),
});

/** A created record of another object: its values restart with that object's required fields. */
export const retargetCreateRecord = (
  action: CreateRecordAction,
  object: ObjectDefinition | undefined,
  name: string,
): CreateRecordAction => ({ ...action, object: name, values: requiredValues(object) });

/** The values with the row of `from` renamed to `to`, keeping the rows' order. */
export const renameValue = (
  values: Readonly<Record<string, unknown>>,
  from: string,
  to: string,
  field: FieldDefinition | undefined,
): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(values).map(([name, value]) =>
      name === from ? [to, isComputed(value) ? value : startingValue(field)] : [name, value],
    ),
  );

/** The values without the row of `name`. */
export const withoutValue = (
  values: Readonly<Record<string, unknown>>,
  name: string,
): Record<string, unknown> => Object.fromEntries(Object.entries(values).filter(([key]) => key !== name));

/** Replaces the action at `index` (a new list). */
export const replaceAt = <T>(items: readonly T[], index: number, item: T): T[] =>
  items.map((current, i) => (i === index ? item : current));

/** The list without the element at `index`. */
export const removeAt = <T>(items: readonly T[], index: number): T[] => items.filter((_, i) => i !== index);
