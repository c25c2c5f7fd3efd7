import { type JsonSchema, type JsonValue, literalDefault, type ObjectDefinition } from "@tessera/metadata";
import type { ReferenceValue } from "../api/types.js";
import { isEmptyValue } from "./schema-check.js";

export type FormValues = Record<string, unknown>;

const isReference = (value: unknown): value is ReferenceValue =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as ReferenceValue).id === "string";

const propertiesOf = (schema: JsonSchema): Record<string, JsonSchema> =>
  (typeof schema.properties === "object" && schema.properties !== null ? schema.properties : {}) as Record<
    string,
    JsonSchema
  >;

/** The form's fields, in schema order. */
export const formFields = (schema: JsonSchema): string[] => Object.keys(propertiesOf(schema));

/**
 * A record as the form edits it: the form's fields only, lookups (`{id, name}` from the API) as
 * their id, and nothing for empty values.
 */
export const formValuesOf = (record: Record<string, unknown>, fields: readonly string[]): FormValues => {
  const values: FormValues = {};
  for (const name of fields) {
    const value = record[name];
    if (value === undefined || value === null) continue;
    values[name] = isReference(value) ? value.id : value;
  }
  return values;
};

/** Display names of the records the lookups of `record` point to, by id (they seed the lookup selects). */
export const referenceNamesOf = (record: Record<string, unknown>): Record<string, string> => {
  const names: Record<string, string> = {};
  for (const value of Object.values(record)) {
    if (isReference(value) && value.name !== undefined) names[value.id] = value.name;
  }
  return names;
};

/** The record as rules read it: lookups as ids, as the server evaluates them on the stored record. */
export const ruleValuesOf = (record: Record<string, unknown>): FormValues =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, isReference(v) ? v.id : v]));

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What an edit changes among `fields`: the new values, `null` for a value the user cleared. */
export const changedValues = (
  before: FormValues,
  after: FormValues,
  fields: readonly string[],
): Record<string, JsonValue> => {
  const changes: Record<string, JsonValue> = {};
  for (const name of fields) {
    const [old, now] = [before[name], after[name]];
    if (isEmptyValue(old) && isEmptyValue(now)) continue;
    if (sameValue(old, now)) continue;
    changes[name] = isEmptyValue(now) ? null : (now as JsonValue);
  }
  return changes;
};

/** What a create sends among `fields`: every value the user gave. */
export const givenValues = (values: FormValues, fields: readonly string[]): Record<string, JsonValue> => {
  const given: Record<string, JsonValue> = {};
  for (const name of fields) {
    if (!isEmptyValue(values[name])) given[name] = values[name] as JsonValue;
  }
  return given;
};

/** The literal defaults of the form's fields, shown pre-filled on create (expression defaults are the server's). */
export const defaultValuesOf = (object: ObjectDefinition, fields: readonly string[]): FormValues => {
  const wanted = new Set(fields);
  const values: FormValues = {};
  for (const field of object.fields) {
    if (!wanted.has(field.name) || !("default" in field)) continue;
    const value = literalDefault(field);
    if (value !== undefined && value !== null) values[field.name] = value;
  }
  return values;
};

const fromText = (schema: JsonSchema, raw: readonly string[]): unknown => {
  const [first = ""] = raw;
  switch (schema.type) {
    case "number":
    case "integer": {
      const n = Number(first);
      return first.trim() === "" || Number.isNaN(n) ? undefined : n;
    }
    case "boolean":
      return first === "true" ? true : first === "false" ? false : undefined;
    case "array":
      return raw.flatMap((value) => value.split(",")).filter((value) => value !== "");
    case "string":
      return first === "" ? undefined : first;
    default:
      return undefined;
  }
};

/**
 * Values passed in the address of a new-record page (`?account=<id>` from a related list's New),
 * for the form's fields only, read as the field's type.
 */
export const valuesFromQuery = (params: URLSearchParams, schema: JsonSchema): FormValues => {
  const properties = propertiesOf(schema);
  const values: FormValues = {};
  for (const name of new Set(params.keys())) {
    const property = Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (property === undefined) continue;
    const value = fromText(property, params.getAll(name));
    if (value !== undefined) values[name] = value;
  }
  return values;
};
