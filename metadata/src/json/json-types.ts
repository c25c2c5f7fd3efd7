/** Any value that survives JSON.stringify / JSON.parse unchanged. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type JsonObject = { [key: string]: JsonValue };

/** A JSON Schema document or subschema (2020-12). Kept open: keywords are data here. */
export type JsonSchema = { [keyword: string]: unknown };

/** An rjsf uiSchema fragment: `ui:*` keys and nested property uiSchemas. */
export type UiSchema = { [key: string]: unknown };

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
