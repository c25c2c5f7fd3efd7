import { descriptorOf } from "../fields/registry.js";
import { localize } from "../i18n/localized-text.js";
import type { JsonSchema } from "../json/json-types.js";
import type { ObjectDefinition } from "../kinds/object.js";

export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

const isRequired = (field: ObjectDefinition["fields"][number]): boolean =>
  field.type === "masterDetail" || ("required" in field && field.required === true);

/**
 * The JSON Schema (2020-12) a stored record of `object` must satisfy, without its system fields.
 * Absent keys mean "no value": the write pipeline drops nulls before validating, so no property
 * needs a null branch. Computed and generated fields are included so a stored record is checked
 * whole; unknown keys are refused.
 */
export const compileObjectSchema = (object: ObjectDefinition): JsonSchema => {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const field of object.fields) {
    properties[field.name] = {
      ...descriptorOf(field).toJsonSchema(field),
      title: localize(field.label, "en"),
    };
    if (isRequired(field) && descriptorOf(field).source === "input") required.push(field.name);
  }
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: `tessera:record/${object.name}`,
    title: localize(object.label, "en"),
    type: "object",
    properties,
    required,
    additionalProperties: false,
  };
};
