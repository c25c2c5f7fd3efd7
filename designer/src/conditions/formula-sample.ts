import {
  type Coercion,
  type FieldDefinition,
  FORMULA_RETURN_TYPES,
  type FormulaField,
  type FormulaReturnType,
  formulaResultType,
  type JsonValue,
} from "@tessera/metadata";

/** The text after inserting `snippet` over the selection `[start, end)`, and where the caret goes. */
export const insertSnippet = (
  text: string,
  start: number,
  end: number,
  snippet: string,
): { text: string; caret: number } => {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + snippet + text.slice(to), caret: from + snippet.length };
};

/** Common operations, each inserted as a complete expression with placeholder arguments to replace. */
export const FORMULA_SNIPPETS: ReadonlyArray<{ name: string; text: string }> = [
  { name: "+", text: '{"+": [0, 0]}' },
  { name: "-", text: '{"-": [0, 0]}' },
  { name: "*", text: '{"*": [0, 0]}' },
  { name: "/", text: '{"/": [0, 1]}' },
  { name: "round", text: '{"round": [0, 2]}' },
  { name: "if", text: '{"if": [true, "then", "else"]}' },
  { name: "==", text: '{"==": [0, 0]}' },
  { name: ">", text: '{">": [0, 0]}' },
  { name: "and", text: '{"and": [true, true]}' },
  { name: "or", text: '{"or": [true, false]}' },
  { name: "cat", text: '{"cat": ["", ""]}' },
  { name: "today", text: '{"today": []}' },
  { name: "addDays", text: '{"addDays": [{"today": []}, 1]}' },
];

/** The text inserted for a field reference. */
export const fieldSnippet = (name: string): string => JSON.stringify({ var: name });

/**
 * The record a test runs against: the sample value of each field the formula reads, and null for
 * the ones left blank (as a stored record holds them).
 */
export const sampleRecord = (
  reads: readonly string[],
  values: Readonly<Record<string, JsonValue | undefined>>,
): Record<string, JsonValue> =>
  Object.fromEntries(
    reads.map((name) => [name, Object.hasOwn(values, name) ? (values[name] ?? null) : null]),
  );

/** The fields of `fields` a formula reading `reads` (paths) needs sample values for, in field order. */
export const sampleFields = (
  fields: readonly FieldDefinition[],
  reads: readonly string[],
): FieldDefinition[] => {
  const roots = new Set(reads.map((path) => path.split(".")[0] ?? path));
  return fields.filter((field) => roots.has(field.name));
};

export type ResultKind = "text" | "number" | "boolean" | "list" | "object" | "empty";

export const resultKindOf = (value: JsonValue): ResultKind =>
  value === null
    ? "empty"
    : Array.isArray(value)
      ? "list"
      : typeof value === "string"
        ? "text"
        : typeof value === "number"
          ? "number"
          : typeof value === "boolean"
            ? "boolean"
            : "object";

const isReturnType = (value: string | undefined): value is FormulaReturnType =>
  FORMULA_RETURN_TYPES.some((type) => type === value);

/**
 * What the engine would store for a result, by the metadata's own coercion of the formula's return
 * type (a currency rounds to its scale, text refuses a list); the result as is without a return type.
 */
export const storedResult = (value: JsonValue, returnType: string | undefined): Coercion => {
  if (value === null || !isReturnType(returnType)) return { ok: true, value };
  const formula: FormulaField = {
    type: "formula",
    name: "result",
    label: { en: "Result" },
    expression: null,
    returnType,
  };
  return formulaResultType(formula).coerce(value);
};
