import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isGreater,
  isGreaterOrEqual,
  isLess,
  isLessOrEqual,
  looseEquals,
  parseNumber,
  toNumber,
  toText,
  truthy,
} from "../../../metadata/src/rules/js-coercion.js";

/** JSON values as JSON.parse builds them (plain prototypes), plus the odd numbers rules can compute. */
const value = fc.oneof(
  fc
    .jsonValue({ maxDepth: 2 })
    .map((v) => JSON.stringify(v))
    // A JSON object with its own toString or valueOf key makes the native operators throw.
    .filter((text) => !/"(toString|valueOf)":/.test(text))
    .map((text) => JSON.parse(text) as unknown),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    "",
    " ",
    "0x10",
    "1e3",
    "-",
    [],
    [[]],
    [null],
    [1, [2, 3]],
    {},
  ),
);

// The native operators are the specification here: on plain JSON data they call only built-in methods.
describe("the safe coercions behave as JavaScript's on JSON values", () => {
  it("looseEquals is ==", () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        // biome-ignore lint/suspicious/noDoubleEquals: JavaScript's == is the specification under test
        expect(looseEquals(a, b)).toBe(a == b);
      }),
      { numRuns: 5000 },
    );
  });

  it("isLess, isGreater, isLessOrEqual, isGreaterOrEqual are <, >, <=, >=", () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const x = a as number;
        const y = b as number;
        expect([isLess(a, b), isGreater(a, b), isLessOrEqual(a, b), isGreaterOrEqual(a, b)]).toEqual([
          x < y,
          x > y,
          x <= y,
          x >= y,
        ]);
      }),
      { numRuns: 5000 },
    );
  });

  it("toNumber is Number, toText is String, parseNumber is parseFloat", () => {
    fc.assert(
      fc.property(value, (a) => {
        expect(toNumber(a)).toBe(Number(a));
        expect(toText(a)).toBe(String(a));
        expect(parseNumber(a)).toBe(Number.parseFloat(a as string));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("the safe coercions never call a method of a value", () => {
  const hostile = { toString: () => "1", valueOf: () => 1, [Symbol.toPrimitive]: () => 1 };

  it.each([
    ["looseEquals", () => looseEquals(hostile, 1), false],
    ["isLess", () => isLess(hostile, 2), false],
    ["toNumber", () => toNumber(hostile), Number.NaN],
    ["toText", () => toText(hostile), "[object Object]"],
    ["toText of a list", () => toText([hostile, 2]), "[object Object],2"],
  ])("%s", (_name, run, expected) => {
    expect(run()).toEqual(expected);
  });

  it("joins a list that contains itself as JavaScript does", () => {
    const list: unknown[] = [1];
    list.push(list);
    expect(toText(list)).toBe("1,");
  });
});

describe("truthy", () => {
  it.each([
    [[], false],
    [[0], true],
    ["", false],
    ["0", true],
    [0, false],
    [Number.NaN, false],
    [null, false],
    [{}, true],
  ])("%j is %j", (v, expected) => {
    expect(truthy(v)).toBe(expected);
  });
});
