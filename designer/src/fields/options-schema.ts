import type { FieldDefinition, JsonObject, JsonValue, ObjectDefinition } from "@tessera/metadata";
import { fieldTypes, isPlainObject } from "@tessera/metadata";

/** Keys the property panel edits with its own controls; rjsf renders the rest of a type's options. */
export const OWN_KEYS: ReadonlySet<string> = new Set([
  "required",
  "unique",
  "options",
  "reference",
  "expression",
  "returnType",
  "filter",
]);

/** A labelled choice of a select (rendered by rjsf from `oneOf` of `const` with a `title`). */
export interface Choice {
  value: string;
  title: string;
}

/** Everything the options schema of a field depends on besides the field type. */
export interface OptionsContext {
  object: string;
  objects: readonly ObjectDefinition[];
  /** Titles of the choices of enumerations (`onDelete`, `operation`) in the UI language. */
  choiceTitle: (key: string, value: string) => string;
  objectTitle: (object: ObjectDefinition) => string;
}

const NUMERIC_TYPES: ReadonlySet<string> = new Set(["number", "currency", "percent"]);

const oneOf = (choices: readonly Choice[]): JsonObject => ({
  type: "string",
  oneOf: choices.map((c) => ({ const: c.value, title: c.title })),
});

const constsOf = (schema: unknown): string[] | undefined => {
  if (!isPlainObject(schema) || !Array.isArray(schema.anyOf)) return undefined;
  const values = schema.anyOf.map((branch) =>
    isPlainObject(branch) && typeof branch.const === "string" ? branch.const : undefined,
  );
  return values.every((v): v is string => v !== undefined) ? values : undefined;
};

/** Whether a field's default is computed by a formula (`{"expression": ...}`) rather than a literal. */
export const hasExpressionDefault = (field: FieldDefinition): boolean =>
  "default" in field && isPlainObject(field.default) && Object.hasOwn(field.default, "expression");

/** The literal branch of a `default`: a picklist's among its option values. */
const literalDefaultSchema = (field: FieldDefinition, schema: unknown): JsonValue | undefined => {
  if (field.type === "picklist") {
    return oneOf(field.options.map((o) => ({ value: o.value, title: o.label.en })));
  }
  if (field.type === "multiPicklist") {
    return {
      type: "array",
      uniqueItems: true,
      items: { type: "string", enum: field.options.map((o) => o.value) },
    };
  }
  if (!isPlainObject(schema) || !Array.isArray(schema.anyOf)) return undefined;
  return schema.anyOf[0] as JsonValue | undefined;
};

const childChoices = (field: FieldDefinition, context: OptionsContext, key: string): Choice[] | undefined => {
  if (field.type !== "rollupSummary") return undefined;
  if (key === "childObject") {
    return context.objects
      .filter((o) =>
        o.fields.some(
          (f) => (f.type === "lookup" || f.type === "masterDetail") && f.reference === context.object,
        ),
      )
      .map((o) => ({ value: o.name, title: context.objectTitle(o) }));
  }
  const child = context.objects.find((o) => o.name === field.childObject);
  if (child === undefined) return undefined;
  if (key === "relationshipField") {
    return child.fields
      .filter((f) => (f.type === "lookup" || f.type === "masterDetail") && f.reference === context.object)
      .map((f) => ({ value: f.name, title: f.label.en }));
  }
  if (key === "summaryField") {
    return child.fields
      .filter((f) => NUMERIC_TYPES.has(f.type))
      .map((f) => ({ value: f.name, title: f.label.en }));
  }
  return undefined;
};

/**
 * The rjsf schema of a field's type-specific options: the registry's `optionsSchema` without the
 * keys the panel renders itself, with enumerations turned into labelled selects, a picklist's
 * default chosen among its options, and a roll-up's child object and fields among the draft's.
 */
export const optionsFormSchema = (field: FieldDefinition, context: OptionsContext): JsonObject => {
  // A plain JSON copy: TypeBox schemas carry symbol keys rjsf has no use for.
  const source = JSON.parse(JSON.stringify(fieldTypes[field.type].optionsSchema)) as JsonObject;
  const properties: JsonObject = {};
  const sourceProperties = isPlainObject(source.properties) ? source.properties : {};
  for (const [key, schema] of Object.entries(sourceProperties)) {
    if (OWN_KEYS.has(key)) continue;
    if (key === "default") {
      if (hasExpressionDefault(field)) continue;
      const literal = literalDefaultSchema(field, schema);
      if (literal !== undefined) properties[key] = literal;
      continue;
    }
    const choices = childChoices(field, context, key);
    const consts = constsOf(schema);
    if (choices !== undefined && choices.length > 0) properties[key] = oneOf(choices);
    else if (consts !== undefined)
      properties[key] = oneOf(consts.map((value) => ({ value, title: context.choiceTitle(key, value) })));
    else properties[key] = schema;
  }
  const required = Array.isArray(source.required)
    ? source.required.filter((key) => typeof key === "string" && Object.hasOwn(properties, key))
    : [];
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
};

/** The values of `field` for the keys of an options form schema. */
export const optionsFormData = (field: FieldDefinition, schema: JsonObject): JsonObject => {
  const data: JsonObject = {};
  const values = field as unknown as Record<string, JsonValue | undefined>;
  for (const key of Object.keys(isPlainObject(schema.properties) ? schema.properties : {})) {
    const value = values[key];
    if (value !== undefined) data[key] = value;
  }
  return data;
};

/**
 * The field with the form's values for the form's keys: keys the form leaves empty (undefined, "",
 * []) are removed, since every type-specific option is either required (and the engine says so on
 * its control) or optional with "absent" as its empty value.
 */
export const applyOptionsForm = (
  field: FieldDefinition,
  schema: JsonObject,
  data: Record<string, unknown>,
): FieldDefinition => {
  const next: Record<string, unknown> = { ...field };
  for (const key of Object.keys(isPlainObject(schema.properties) ? schema.properties : {})) {
    const value = data[key];
    const empty = value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
    if (empty) delete next[key];
    else next[key] = value;
  }
  return next as unknown as FieldDefinition;
};
