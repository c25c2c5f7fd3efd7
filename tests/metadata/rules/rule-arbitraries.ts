import fc from "fast-check";

/**
 * Random rules and records for property tests. Field names avoid everything a prototype of an
 * object, array or string has, so json-logic-js (which reads inherited members) and our evaluator
 * read the same values.
 */
export const FIELD_KEYS = ["a", "b", "c", "n", "s", "xs", "o"] as const;

const key = fc.constantFrom(...FIELD_KEYS);
const path = fc.oneof(
  key,
  fc.tuple(key, key).map(([x, y]) => `${x}.${y}`),
);

export const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0.5, -1.5, 1e21, -0),
  fc.constantFrom("", "0", "1", "abc", "a,b", " 2 ", "-1", "2024-05-01", "A"),
  fc.boolean(),
  fc.constant(null),
);

/** A record: some of the keys, with scalars, lists and nested objects as values. */
export const record = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, scalar, fc.array(tie("value"), { maxLength: 4 }), tie("object")),
  object: fc.dictionary(key, tie("value"), { maxKeys: 5, noNullPrototype: true }),
})).object;

const COMPUTING = [
  "==",
  "===",
  "!=",
  "!==",
  "<",
  ">",
  "<=",
  ">=",
  "+",
  "-",
  "*",
  "/",
  "%",
  "min",
  "max",
  "cat",
  "in",
  "substr",
  "merge",
  "!",
  "!!",
  "and",
  "or",
  "if",
  "?:",
] as const;
const ITERATING = ["map", "filter", "all", "some", "none"] as const;
const EXTRA = [
  "startsWith",
  "endsWith",
  "lower",
  "upper",
  "trim",
  "len",
  "round",
  "abs",
  "addDays",
  "daysBetween",
  "today",
  "now",
] as const;

/**
 * Rules of the core JsonLogic operators; with `extras`, also Tessera's operators and var paths
 * computed at run time.
 */
export const rule = (extras: boolean): fc.Arbitrary<unknown> =>
  fc.letrec<{ rule: unknown; operation: unknown }>((tie) => ({
    rule: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("operation"), tie("operation")),
    operation: fc.oneof(
      path.map((p) => ({ var: p })),
      fc.constant({ var: "" }),
      fc.tuple(path, scalar).map(([p, d]) => ({ var: [p, d] })),
      fc
        .tuple(
          fc.constantFrom(...COMPUTING, ...(extras ? EXTRA : [])),
          fc.array(tie("rule"), { minLength: 1, maxLength: 4 }),
        )
        .map(([op, args]) => ({ [op]: args })),
      fc
        .tuple(fc.constantFrom("==", "<", ">=", "!=", "in"), path, scalar)
        .map(([op, p, c]) => ({ [op]: [{ var: p }, c] })),
      fc
        .tuple(fc.constantFrom("<", "<="), scalar, path, scalar)
        .map(([op, lo, p, hi]) => ({ [op]: [lo, { var: p }, hi] })),
      fc.tuple(path, fc.array(scalar, { maxLength: 4 })).map(([p, list]) => ({ in: [{ var: p }, list] })),
      fc.array(tie("rule"), { maxLength: 3 }),
      fc
        .tuple(fc.constantFrom(...ITERATING), tie("rule"), tie("rule"))
        .map(([op, items, body]) => ({ [op]: [items, body] })),
      fc
        .tuple(tie("rule"), tie("rule"), scalar)
        .map(([items, body, seed]) => ({ reduce: [items, body, seed] })),
      fc.array(path, { maxLength: 3 }).map((keys) => ({ missing: keys })),
      fc
        .tuple(fc.nat(3), fc.array(path, { maxLength: 3 }))
        .map(([need, keys]) => ({ missing_some: [need, keys] })),
      ...(extras ? [tie("rule").map((p) => ({ var: [p] }))] : []),
    ),
  })).rule;
