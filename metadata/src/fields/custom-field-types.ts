import type { LocalizedText } from "../i18n/localized-text.js";
import { isPlainObject, type JsonObject } from "../json/json-types.js";
import { NAME_REGEX } from "./field-base.js";

export interface CustomFieldTypeDefinition {
  /** NAME_PATTERN; fields use {"type": "custom", "customType": name}. */
  name: string;
  label: LocalizedText;
  /** How values are stored, coerced, filtered, sorted and indexed. */
  base: "text" | "number" | "boolean";
  /** JSON Schema (2020-12) every stored non-null value also satisfies, e.g. {"type": "integer", "minimum": 1, "maximum": 5}. */
  valueSchema: JsonObject;
  /** rjsf uiSchema of the input; a plugin widget is named "<package>.<widget>", e.g. {"ui:widget": "customer-feedback.stars"}. */
  uiSchema?: JsonObject;
}

type Base = CustomFieldTypeDefinition["base"];

/** The JSON Schema `type` a value schema of each base may declare. */
const SCHEMA_TYPES: { readonly [B in Base]: readonly string[] } = {
  text: ["string"],
  number: ["number", "integer"],
  boolean: ["boolean"],
};

const DEFINITION_KEYS: ReadonlySet<string> = new Set(["name", "label", "base", "valueSchema", "uiSchema"]);
const MAX_DEPTH = 32;

/*
 * One registry per process (server) or page (browser): field types come with code deployed
 * alongside Tessera, not with a tenant's data. Definitions are stored frozen copies, so a plugin
 * that later mutates its object changes nothing.
 */
const registry = new Map<string, CustomFieldTypeDefinition>();

const isJson = (value: unknown, depth = 0): boolean => {
  if (depth > MAX_DEPTH) return false;
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJson(item, depth + 1));
  if (!isPlainObject(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every((item) => isJson(item, depth + 1));
};

const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameJson(item, b[i]))
    );
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]))
  );
};

// Only called on values `isJson` accepted, so the round trip is exact.
const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const deepFreeze = <T>(value: T): T => {
  if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
};

const isLocalizedText = (value: unknown): value is LocalizedText =>
  isPlainObject(value) &&
  typeof value.en === "string" &&
  value.en.length > 0 &&
  Object.entries(value).every(
    ([key, text]) => (key === "en" || key === "zh-CN") && typeof text === "string" && text.length > 0,
  );

/** Why the definition is unusable, or undefined when it is fine. */
const problemOf = (definition: unknown): string | undefined => {
  if (!isPlainObject(definition)) return "a field type definition must be an object.";
  const unknownKey = Object.keys(definition).find((key) => !DEFINITION_KEYS.has(key));
  if (unknownKey !== undefined) {
    return `"${unknownKey}" is not a key of a field type definition (use name, label, base, valueSchema, uiSchema).`;
  }
  const { name, label, base, valueSchema, uiSchema } = definition;
  if (typeof name !== "string" || !NAME_REGEX.test(name)) {
    return `the name ${JSON.stringify(name)} is not valid: start with a lower-case letter, then letters and digits only (e.g. rating).`;
  }
  if (!isLocalizedText(label)) return `"${name}" needs a label such as {"en": "Rating", "zh-CN": "评分"}.`;
  if (base !== "text" && base !== "number" && base !== "boolean") {
    return `"${name}" has base ${JSON.stringify(base)}; use "text", "number" or "boolean".`;
  }
  if (!isPlainObject(valueSchema) || !isJson(valueSchema)) {
    return `"${name}" needs a valueSchema: a JSON Schema object such as {"type": "integer", "minimum": 1}.`;
  }
  const allowed = SCHEMA_TYPES[base];
  if (typeof valueSchema.type !== "string" || !allowed.includes(valueSchema.type)) {
    return `the valueSchema of "${name}" must have "type": ${allowed.map((t) => `"${t}"`).join(" or ")}, as its base is "${base}".`;
  }
  // The value schema is embedded in every record schema that uses it: it must stand alone.
  const reference = Object.keys(valueSchema).find((key) => key.startsWith("$"));
  if (reference !== undefined) {
    return `the valueSchema of "${name}" cannot use "${reference}": it must be self-contained.`;
  }
  if (uiSchema !== undefined && (!isPlainObject(uiSchema) || !isJson(uiSchema))) {
    return `the uiSchema of "${name}" must be a JSON object such as {"ui:widget": "my-package.stars"}.`;
  }
  return undefined;
};

/**
 * Registers a field type fields use as `{"type": "custom", "customType": name}`. Registering the
 * same definition again changes nothing (plugins are set up once per server started in a
 * process); a different definition under a taken name is refused, as records already stored
 * under the first one would no longer fit.
 */
export const registerCustomFieldType = (definition: CustomFieldTypeDefinition): void => {
  const problem = problemOf(definition);
  if (problem !== undefined) throw new Error(`Custom field type: ${problem}`);
  const { name, label, base, valueSchema, uiSchema } = definition;
  const normalized: CustomFieldTypeDefinition = {
    name,
    label,
    base,
    valueSchema,
    ...(uiSchema === undefined ? {} : { uiSchema }),
  };
  const existing = registry.get(name);
  if (existing !== undefined) {
    if (sameJson(existing, normalized)) return;
    throw new Error(
      `Custom field type: "${name}" is already registered with another definition; choose another name.`,
    );
  }
  registry.set(name, deepFreeze(jsonCopy(normalized)));
};

export const customFieldType = (name: string): CustomFieldTypeDefinition | undefined => registry.get(name);

export const customFieldTypes = (): readonly CustomFieldTypeDefinition[] => [...registry.values()];
