import type { CompareOperator, FilterNode, JsonValue } from "@tessera/metadata";
import fc from "fast-check";
import type { StoredRecord } from "../../../engine/src/store/store-port.js";
import { aRecord } from "./builders.js";

/**
 * What the MongoDB compiler needs tested beyond the shared generators (filter-arbitraries.ts):
 * values and needles full of regex metacharacters (contains/startsWith become patterns), and
 * null, as a value and inside arrays (`{f: null}` in MongoDB also matches `[null]`). Values meet
 * on a few common strings and numbers, so filters often match.
 */
const FIELDS = ["a", "b", "c", "tags"] as const;
const FILTER_FIELDS = [...FIELDS, "id", "version", "ownerId"] as const;

const METACHARACTERS = [".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "^", "$", "|", "\\", "-", "/"];

const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("", "a", "A", "aB", "é", "É", "北", "a.*", "(a+)+$", "1") },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom("a", "A", "1", ...METACHARACTERS), { maxLength: 3 })
      .map((characters) => characters.join("")),
  },
);

const number: fc.Arbitrary<number> = fc.constantFrom(-1, 0, 1, 0.5);

const scalar: fc.Arbitrary<string | number | boolean> = fc.oneof(text, number, fc.boolean());

const value: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 3, arbitrary: scalar },
  {
    weight: 2,
    arbitrary: fc.array(
      fc.oneof({ weight: 6, arbitrary: fc.oneof(text, number) }, { weight: 1, arbitrary: fc.constant(null) }),
      { maxLength: 3 },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.constantFrom("x", "y"), scalar, { maxKeys: 2, noNullPrototype: true }),
  },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** Records r0..rn, each with some of the fields a, b, c and tags. */
export const metacharacterRecords: fc.Arbitrary<StoredRecord[]> = fc
  .array(
    fc.record({
      owner: fc.constantFrom("u1", "u2"),
      values: fc.dictionary(fc.constantFrom(...FIELDS), value, {
        maxKeys: FIELDS.length,
        noNullPrototype: true,
      }),
    }),
    { minLength: 2, maxLength: 12 },
  )
  .map((rows) => rows.map((row, i) => aRecord(`r${i}`).ownedBy(row.owner).withValues(row.values).build()));

const field = fc.constantFrom(...FILTER_FIELDS);
const ordered: fc.Arbitrary<string | number> = fc.oneof(
  { weight: 3, arbitrary: text },
  { weight: 3, arbitrary: number },
  { weight: 1, arbitrary: fc.constantFrom("r1", "u1", "r10") },
);

const leaf: fc.Arbitrary<FilterNode> = fc.oneof(
  fc.record({
    op: fc.constant("compare" as const),
    field,
    operator: fc.constantFrom<CompareOperator>("==", "!=", "<", "<=", ">", ">="),
    value: fc.oneof(
      { weight: 6, arbitrary: ordered },
      { weight: 1, arbitrary: fc.boolean() },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
  }),
  fc.record({ op: fc.constant("in" as const), field, values: fc.array(ordered, { maxLength: 3 }) }),
  fc.record({ op: fc.constant("contains" as const), field, value: text }),
  fc.record({ op: fc.constant("startsWith" as const), field, value: text }),
  fc.record({ op: fc.constant("includes" as const), field, value: text }),
  fc.record({
    op: fc.constant("between" as const),
    field,
    low: ordered,
    high: ordered,
    lowInclusive: fc.boolean(),
    highInclusive: fc.boolean(),
  }),
  fc.record({ op: fc.constant("missing" as const), field }),
  fc.constant({ op: "true" as const }),
);

/** Filters of every operator over those fields and the system fields, nested with and/or/not. */
export const metacharacterFilter: fc.Arbitrary<FilterNode> = fc.letrec<{ node: FilterNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 4, arbitrary: leaf },
    fc.record({ op: fc.constant("and" as const), children: fc.array(tie("node"), { maxLength: 3 }) }),
    fc.record({ op: fc.constant("or" as const), children: fc.array(tie("node"), { maxLength: 3 }) }),
    fc.record({ op: fc.constant("not" as const), child: tie("node") }),
  ),
})).node;
