import type { FilterNode, JsonValue } from "@tessera/metadata";
import fc from "fast-check";

/**
 * Random record values and FilterNodes for differential tests of store query compilers against
 * `evaluateFilter` (the embedded store's SQL here; the MongoDB compiler evaluated by mingo).
 *
 * Records are `{ [field]: value }` without system fields; a field absent from the object has no
 * value. Filters also name the system fields `id` (string), `version` (number) and `ownerId`
 * (string): give the i-th record `systemFieldsOf(i)` (and version 1, as inserts store it).
 *
 * Values and filter literals come from the same small pools, so that equal values, prefixes,
 * case-insensitive matches and cross-type look-alikes ("5" and 5, true and 1, [] and "[]") meet
 * often: a differential test only finds a disagreement on data where the two can disagree.
 *
 * Strings use TEXT_ALPHABET only. It has no character outside the Basic Multilingual Plane: such a
 * character is two UTF-16 code units (surrogates, 0xD800-0xDFFF), so JavaScript orders it before
 * U+E000-U+FFFF, while UTF-8 byte order (SQLite's BINARY collation, MongoDB's string order) puts
 * it after; evaluateFilter's `<` follows JavaScript. It has no lone surrogate (not encodable in
 * UTF-8) and no U+0000 (C string functions stop there). It does have characters whose lower case
 * differs beyond ASCII, changes length or depends on context ("É", "İ", "Σ", "Ａ"), Chinese, and
 * "[" / "{", which start strings that look like JSON arrays and objects.
 */
export const TEXT_ALPHABET = [
  "a",
  "A",
  "é",
  "É",
  "İ",
  "i",
  "Σ",
  "σ",
  "ß",
  "Ａ",
  "ａ",
  "北",
  " ",
  "5",
  "[",
  "{",
];

/** Strings that collide with other values or with each other once lower-cased. */
export const STRING_POOL = [
  "",
  "a",
  "A",
  "é",
  "É",
  "İ",
  "i̇",
  "ΑΣ",
  "ας",
  "北京",
  "5",
  "1",
  "[]",
  '["a"]',
  '{"a":"b"}',
];

/** Few distinct numbers: equality and order collide often; 0 and 1 collide with booleans in SQL. */
export const NUMBER_POOL = [-2, -1.5, 0, 0.5, 1, 2, 5, 1e21];

/** Dates and datetimes in the one ISO form filters use. */
export const DATE_POOL = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-10", "2024-01-02T00:00:00.000Z"];

/** What a field holds in generated records; `mixed` holds values of every kind. */
export type ArbitraryFieldKind = "string" | "number" | "boolean" | "date" | "array" | "mixed";

/** The data fields generated records have (each may be missing). */
export const DATA_FIELDS: Readonly<Record<string, ArbitraryFieldKind>> = {
  name: "string",
  amount: "number",
  done: "boolean",
  due: "date",
  tags: "array",
  mixed: "mixed",
};

/** System fields filters may name, with their kinds; records always have them. */
export const SYSTEM_FILTER_FIELD_KINDS: Readonly<Record<string, ArbitraryFieldKind>> = {
  id: "string",
  version: "number",
  ownerId: "string",
};

/** The id and owner of the `index`-th generated record (owners differ only in case). */
export const systemFieldsOf = (index: number): { id: string; ownerId: string } => ({
  id: `r${String(index).padStart(2, "0")}`,
  ownerId: index % 2 === 0 ? "a" : "A",
});

/** Short strings: from STRING_POOL, or up to three characters of TEXT_ALPHABET. */
export const text: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...STRING_POOL),
  fc.array(fc.constantFrom(...TEXT_ALPHABET), { maxLength: 3 }).map((chars) => chars.join("")),
);

export const numberValue: fc.Arbitrary<number> = fc.constantFrom(...NUMBER_POOL);
export const dateValue: fc.Arbitrary<string> = fc.constantFrom(...DATE_POOL);

export const arrayValue: fc.Arbitrary<JsonValue[]> = fc.oneof(
  fc.constantFrom<JsonValue[]>([], ["a"], ["a", "A"], [1], ["5", 5], [["a"]], [{ a: "b" }, true]),
  fc.array(fc.oneof(text, numberValue), { maxLength: 3 }),
);

const valueOfKind = (kind: ArbitraryFieldKind): fc.Arbitrary<JsonValue> => {
  switch (kind) {
    case "string":
      return text;
    case "number":
      return numberValue;
    case "boolean":
      return fc.boolean();
    case "date":
      return dateValue;
    case "array":
      return arrayValue;
    case "mixed":
      return fc.oneof(text, numberValue, fc.boolean(), dateValue, arrayValue, fc.constant({ a: "b" }));
  }
};

/** The values of one record: each data field present with a value of its kind, or absent. */
export const recordValues: fc.Arbitrary<Record<string, JsonValue>> = fc
  .record(
    Object.fromEntries(
      Object.entries(DATA_FIELDS).map(([field, kind]) => [
        field,
        fc.option(valueOfKind(kind), { nil: undefined }),
      ]),
    ) as Record<string, fc.Arbitrary<JsonValue | undefined>>,
  )
  .map(
    (values) =>
      Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<
        string,
        JsonValue
      >,
  );

/** Up to `maxLength` records' values; pair the i-th with systemFieldsOf(i). */
export const recordValueSets = (maxLength = 12): fc.Arbitrary<Array<Record<string, JsonValue>>> =>
  fc.array(recordValues, { maxLength });

const FIELD_KINDS: Readonly<Record<string, ArbitraryFieldKind>> = {
  ...DATA_FIELDS,
  ...SYSTEM_FILTER_FIELD_KINDS,
};

/** Fields a filter names, the mixed and text ones most often: they exercise typing and case folding. */
const anyField: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("name", "mixed") },
  { weight: 2, arbitrary: fc.constantFrom("amount", "tags") },
  { weight: 1, arbitrary: fc.constantFrom("done", "due", "id", "version", "ownerId") },
);

const idValue = fc.integer({ min: 0, max: 11 }).map((i) => systemFieldsOf(i).id);

/** A literal for a field: usually of its kind, sometimes of another kind (typed comparisons). */
const literalFor = (field: string): fc.Arbitrary<string | number | boolean> => {
  if (field === "id") return fc.oneof(idValue, text);
  const kind = FIELD_KINDS[field] ?? "mixed";
  const own: fc.Arbitrary<string | number | boolean> =
    kind === "number"
      ? numberValue
      : kind === "boolean"
        ? fc.boolean()
        : kind === "date"
          ? dateValue
          : kind === "string" || kind === "array"
            ? text
            : fc.oneof(text, numberValue, fc.boolean(), dateValue);
  return fc.oneof(
    { weight: 3, arbitrary: own },
    { weight: 1, arbitrary: fc.oneof(text, numberValue, fc.boolean()) },
  );
};

const scalarFor = (field: string): fc.Arbitrary<string | number> =>
  literalFor(field).map((v) => (typeof v === "boolean" ? Number(v) : v));

const compareNode: fc.Arbitrary<FilterNode> = anyField.chain((field) =>
  fc.record({
    op: fc.constant("compare" as const),
    field: fc.constant(field),
    operator: fc.constantFrom<"==" | "!=" | "<" | "<=" | ">" | ">=">("==", "!=", "<", "<=", ">", ">="),
    value: fc.oneof({ weight: 6, arbitrary: literalFor(field) }, { weight: 1, arbitrary: fc.constant(null) }),
  }),
);

const betweenNode: fc.Arbitrary<FilterNode> = anyField.chain((field) =>
  fc.record({
    op: fc.constant("between" as const),
    field: fc.constant(field),
    low: scalarFor(field),
    high: scalarFor(field),
    lowInclusive: fc.boolean(),
    highInclusive: fc.boolean(),
  }),
);

const inNode: fc.Arbitrary<FilterNode> = anyField.chain((field) =>
  fc.record({
    op: fc.constant("in" as const),
    field: fc.constant(field),
    values: fc.array(scalarFor(field), { maxLength: 3 }),
  }),
);

/** A needle for contains/startsWith: mostly one or two characters, sometimes a pooled string. */
const needle: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(fc.constantFrom(...TEXT_ALPHABET), { minLength: 1, maxLength: 2 })
      .map((c) => c.join("")),
  },
  { weight: 1, arbitrary: fc.constantFrom(...STRING_POOL) },
);

const textNode = (op: "contains" | "startsWith" | "includes"): fc.Arbitrary<FilterNode> =>
  fc.record({ op: fc.constant(op), field: anyField, value: op === "includes" ? text : needle });

const leaf: fc.Arbitrary<FilterNode> = fc.oneof(
  { weight: 4, arbitrary: compareNode },
  { weight: 2, arbitrary: betweenNode },
  { weight: 2, arbitrary: inNode },
  { weight: 2, arbitrary: textNode("contains") },
  { weight: 1, arbitrary: textNode("startsWith") },
  { weight: 2, arbitrary: textNode("includes") },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("missing" as const), field: anyField }) },
  { weight: 1, arbitrary: fc.constant<FilterNode>({ op: "true" }) },
);

/** Filters of every operator over DATA_FIELDS and the system fields, nested with and/or/not. */
export const filterNode: fc.Arbitrary<FilterNode> = fc.letrec<{ node: FilterNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({ op: fc.constant("not" as const), child: tie("node") }),
    fc.record({
      op: fc.constantFrom("and" as const, "or" as const),
      children: fc.array(tie("node"), { maxLength: 3 }),
    }),
  ),
})).node;
