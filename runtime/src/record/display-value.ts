import type { ReferenceValue } from "../api/types.js";
import { referencedObject } from "../format/field-value.js";
import type { PlacedField } from "./read-sections.js";

/**
 * A value ready for FieldValue. The record API names lookups (`{id, name}`), but system user
 * fields and history values hold bare ids: those are named from `userNames`, or from the record's
 * current value of the same lookup, else shown by id.
 */
export const displayValue = (
  placed: PlacedField,
  value: unknown,
  record: Record<string, unknown>,
  userNames: ReadonlyMap<string, string>,
): unknown => {
  if (typeof value !== "string" || referencedObject(placed.field) === undefined) return value;
  const userName = placed.field.type === "user" ? userNames.get(value) : undefined;
  if (userName !== undefined) return { id: value, name: userName } satisfies ReferenceValue;
  const current = record[placed.field.name] as ReferenceValue | undefined;
  if (current?.id === value && current.name !== undefined) return current;
  return { id: value } satisfies ReferenceValue;
};

/** A system user field's bare id as a reference, named when `userNames` knows the user. */
export const userReference = (value: unknown, userNames: ReadonlyMap<string, string>): unknown => {
  if (typeof value !== "string") return value;
  const name = userNames.get(value);
  return name === undefined
    ? ({ id: value } satisfies ReferenceValue)
    : ({ id: value, name } satisfies ReferenceValue);
};
