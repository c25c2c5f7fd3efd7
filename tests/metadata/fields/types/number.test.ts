import { describe, expect, it } from "vitest";
import { numberField } from "../../../../metadata/src/fields/types/number.js";
import { number } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

describe("number coercion", () => {
  it.each([
    [42, 42],
    ["12.50", 12.5],
    [" 1,234.5 ", 1234.5],
    ["1e3", 1000],
    ["-0", 0],
    [0.1 + 0.2, 0.30000000000000004],
  ])("stores %j as %j without a scale", (input, stored) => {
    expect(numberField.coerce(input, number("quantity"))).toEqual({ ok: true, value: stored });
  });

  it.each([
    ["2.345", 2, 2.35],
    [2.5, 0, 3],
    [0.1 + 0.2, 2, 0.3],
  ])("rounds %j to scale %d as %j", (input, scale, stored) => {
    expect(numberField.coerce(input, number("quantity", { scale }))).toEqual({ ok: true, value: stored });
  });

  it.each([
    ["abc"],
    ["NaN"],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    ["Infinity"],
    [true],
    [[1]],
    ["12 apples"],
  ])("refuses %j with field.notANumber", (input) => {
    expect(numberField.coerce(input, number("quantity"))).toMatchObject({
      ok: false,
      code: "field.notANumber",
    });
  });
});

describe("number record schema", () => {
  it("is an integer at scale 0 and a number otherwise, within min and max", () => {
    expect(numberField.toJsonSchema(number("n", { scale: 0, min: 0, max: 10 }))).toEqual({
      type: "integer",
      minimum: 0,
      maximum: 10,
    });
    expect(numberField.toJsonSchema(number("n"))).toEqual({ type: "number" });
  });

  it("accepts values in range and refuses others", () => {
    const valid = valueValidator(numberField.toJsonSchema(number("n", { scale: 0, min: 1, max: 5 })));
    expect(valid(3)).toBe(true);
    expect(valid(0)).toBe(false);
    expect(valid(6)).toBe(false);
    expect(valid(2.5)).toBe(false);
    expect(valid("3")).toBe(false);
  });
});

describe("number definition checks", () => {
  it("reports min above max at /min", () => {
    expect(numberField.check?.(number("n", { min: 5, max: 1 }))).toMatchObject([
      { path: "/min", code: "field.minAboveMax" },
    ]);
  });

  it("reports a default outside min and max", () => {
    expect(numberField.check?.(number("n", { min: 0, max: 10, default: 11 }))).toMatchObject([
      { path: "/default", code: "field.defaultOutOfRange" },
    ]);
  });

  it("reports a default with more decimals than the scale", () => {
    expect(numberField.check?.(number("n", { scale: 1, default: 1.25 }))).toMatchObject([
      { path: "/default", code: "field.invalidDefault" },
    ]);
  });

  it("accepts a consistent definition", () => {
    expect(numberField.check?.(number("n", { min: 0, max: 10, scale: 1, default: 2.5 }))).toEqual([]);
  });
});

describe("number presentation", () => {
  it("uses an up-down input that knows the scale", () => {
    expect(numberField.toUiSchema(number("n", { scale: 2 }), "en")).toEqual({
      "ui:widget": "updown",
      "ui:options": { scale: 2 },
    });
    expect(numberField.operators).toEqual(["==", "!=", "<", "<=", ">", ">=", "between", "in", "missing"]);
  });
});
