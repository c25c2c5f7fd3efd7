import type { FieldDefinition, JsonValue } from "@tessera/metadata";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ConditionNode,
  type ConditionRule,
  parseCondition,
  printCondition,
} from "../../../designer/src/conditions/condition-tree.js";
import {
  operatorsFor,
  valueInputOf,
  valueShapeOf,
} from "../../../designer/src/conditions/operators-by-type.js";
import { ALL_FIELDS } from "./condition-fields.js";

const text = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== "");
const day = fc.date({ min: new Date("1900-01-01"), max: new Date("2199-12-31"), noInvalidDate: true });

/** A complete value of one field as its input produces it. */
const sampleOf = (field: FieldDefinition): fc.Arbitrary<string | number | boolean> => {
  switch (valueInputOf(field)) {
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "date":
      return day.map((d) => d.toISOString().slice(0, 10));
    case "datetime":
      return day.map((d) => d.toISOString());
    case "time":
      return fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
    default:
      return text;
  }
};

/** A complete row on any field, with any operator its type offers. */
const completeRule: fc.Arbitrary<ConditionRule> = fc
  .constantFrom(...ALL_FIELDS.filter((f) => operatorsFor(f).length > 0))
  .chain((field) =>
    fc.constantFrom(...operatorsFor(field)).chain((operator): fc.Arbitrary<ConditionRule> => {
      const base = { kind: "rule" as const, field: field.name, operator };
      const item = sampleOf(field).filter((x): x is string | number => typeof x !== "boolean");
      switch (valueShapeOf(operator)) {
        case "none":
          return fc.constant(base);
        case "range":
          return fc.tuple(item, item).map((value) => ({ ...base, value }));
        case "list":
          return fc.array(item, { minLength: 1, maxLength: 4 }).map((value) => ({ ...base, value }));
        case "single":
          return sampleOf(field).map((value) => ({ ...base, value }));
      }
    }),
  );

/** JsonLogic no row is written as (its operation is not a builder form). */
const rawLogic: fc.Arbitrary<ConditionNode> = fc
  .tuple(fc.constantFrom("if", "cat", "+", "var", "some", "!!"), fc.jsonValue({ maxDepth: 2 }))
  .map(([name, arg]) => ({ kind: "raw", logic: { [name]: arg } as JsonValue }));

const { tree } = fc.letrec<{ tree: ConditionNode; group: ConditionNode }>((tie) => ({
  tree: fc.oneof({ depthSize: "small", withCrossShrink: true }, completeRule, rawLogic, tie("group")),
  group: fc.record({
    kind: fc.constant("group" as const),
    junction: fc.constantFrom("and" as const, "or" as const),
    children: fc.array(tie("tree"), { minLength: 1, maxLength: 4 }),
  }),
}));

const anyField = fc.constantFrom(...ALL_FIELDS.map((f) => f.name), "nope", "", "account.name");
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 1 }), text, fc.double(), fc.boolean());
const fieldRef = fc.oneof(
  anyField.map((name) => ({ var: name }) as JsonValue),
  anyField.map((name) => ({ var: [name, 1] }) as JsonValue),
);

/** Logic shaped like (and often exactly like) the builder's forms, with near misses of every part. */
const builderLike: fc.Arbitrary<JsonValue> = fc.letrec<{ logic: JsonValue }>((tie) => ({
  logic: fc.oneof(
    { depthSize: "small" },
    fc
      .tuple(fc.constantFrom("==", "!=", "<", "<=", ">", ">=", "startsWith", "in"), fieldRef, anyValue)
      .map(([op, a, b]) => ({ [op]: [a, b] }) as JsonValue),
    fc
      .tuple(fc.constantFrom("==", "in"), anyValue, fieldRef)
      .map(([op, a, b]) => ({ [op]: [a, b] }) as JsonValue),
    fc
      .tuple(fc.constantFrom("<=", "<"), anyValue, fieldRef, anyValue)
      .map(([op, a, b, c]) => ({ [op]: [a, b, c] }) as JsonValue),
    fc
      .tuple(fieldRef, fc.array(anyValue, { maxLength: 3 }))
      .map(([a, list]) => ({ in: [a, list] }) as JsonValue),
    fc.array(anyField, { maxLength: 2 }).map((names) => ({ missing: names }) as JsonValue),
    tie("logic").map((inner) => ({ "!": inner }) as JsonValue),
    tie("logic").map((inner) => ({ "!": [inner] }) as JsonValue),
    fc
      .tuple(fc.constantFrom("and", "or"), fc.array(tie("logic"), { maxLength: 3 }))
      .map(([op, items]) => ({ [op]: items }) as JsonValue),
    fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>,
  ),
})).logic;

describe("round trips of the condition model", () => {
  it("gives back every tree the builder can hold: parse(print(tree)) equals tree", () => {
    fc.assert(
      fc.property(tree, (node) => {
        expect(parseCondition(printCondition(node), ALL_FIELDS)).toEqual(node);
      }),
      { numRuns: 500 },
    );
  });

  it("writes builder-shaped JsonLogic back exactly: print(parse(logic)) is logic", () => {
    fc.assert(
      fc.property(builderLike, (logic) => {
        const back = printCondition(parseCondition(logic, ALL_FIELDS));
        expect(JSON.stringify(back)).toBe(JSON.stringify(logic));
        expect(back).toStrictEqual(logic);
      }),
      { numRuns: 1000 },
    );
  });

  it("writes any JSON back exactly", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (logic) => {
        expect(printCondition(parseCondition(logic as JsonValue, ALL_FIELDS))).toStrictEqual(logic);
      }),
      { numRuns: 500 },
    );
  });
});
