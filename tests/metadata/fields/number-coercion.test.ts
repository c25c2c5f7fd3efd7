import { describe, expect, it } from "vitest";
import { coerceDecimal, parseDecimal, roundToScale } from "../../../metadata/src/fields/number-coercion.js";

describe("parseDecimal", () => {
  it.each([
    [12.5, 12.5],
    ["12.50", 12.5],
    [" 1,234.5 ", 1234.5],
    ["1,234,567", 1_234_567],
    ["-1,234.5", -1234.5],
    ["1e3", 1000],
    ["-2.5E-2", -0.025],
    [".5", 0.5],
    ["+7", 7],
  ])("reads %j as %j", (input, value) => {
    expect(parseDecimal(input)).toBe(value);
  });

  it.each([
    ["abc"],
    [""],
    ["1,5"],
    ["12,34.5"],
    ["1.2.3"],
    ["NaN"],
    ["Infinity"],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    ["1e999"],
    [true],
    [null],
    ["1".repeat(101)],
  ])("refuses %j", (input) => {
    expect(parseDecimal(input)).toBeUndefined();
  });

  it("reads a leading currency symbol only when asked", () => {
    expect(parseDecimal("¥1,234.50", { currencySymbol: true })).toBe(1234.5);
    expect(parseDecimal("-$5", { currencySymbol: true })).toBe(-5);
    expect(parseDecimal("€ 3", { currencySymbol: true })).toBe(3);
    expect(parseDecimal("¥1,234.50")).toBeUndefined();
  });

  it("reads a trailing percent sign only when asked", () => {
    expect(parseDecimal("12.5%", { percentSign: true })).toBe(12.5);
    expect(parseDecimal("12.5 %", { percentSign: true })).toBe(12.5);
    expect(parseDecimal("12.5%")).toBeUndefined();
  });
});

describe("roundToScale", () => {
  it.each([
    [1.005, 2, 1.01],
    [1.004, 2, 1],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [-0.001, 2, 0],
    [1234.5678, 3, 1234.568],
    [1e-7, 6, 0],
    [123456789.12345, 4, 123456789.1235],
  ])("rounds %d to %d decimals as %d", (value, scale, rounded) => {
    expect(Object.is(roundToScale(value, scale), rounded)).toBe(true);
  });
});

describe("coerceDecimal", () => {
  it("keeps every decimal without a scale and rounds with one", () => {
    expect(coerceDecimal("1.23456", undefined)).toEqual({ ok: true, value: 1.23456 });
    expect(coerceDecimal("1.23456", 2)).toEqual({ ok: true, value: 1.23 });
  });

  it("refuses non-numbers with field.notANumber", () => {
    expect(coerceDecimal("abc", 2)).toMatchObject({ ok: false, code: "field.notANumber" });
  });
});
