import { describe, expect, it } from "vitest";
import { autoNumberField, formatAutoNumber } from "../../../../metadata/src/fields/types/auto-number.js";
import { autoNumber } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const march5 = new Date("2024-03-05T12:00:00.000Z");

describe("formatAutoNumber", () => {
  it.each([
    ["INV-{0000}", 42, "INV-0042"],
    ["INV-{0000}", 12345, "INV-12345"],
    ["CASE-{YYYY}-{00000}", 7, "CASE-2024-00007"],
    ["{YY}{MM}{DD}-{0}", 3, "240305-3"],
    ["{000}", 0, "000"],
  ])("formats %j with counter %d as %j", (format, counter, result) => {
    expect(formatAutoNumber(format, counter, march5)).toBe(result);
  });

  it("uses the UTC calendar date", () => {
    expect(formatAutoNumber("{YYYY}{MM}{DD}-{0}", 1, new Date("2024-12-31T23:30:00-02:00"))).toBe(
      "20250101-1",
    );
  });

  it("throws on a format without a counter", () => {
    expect(() => formatAutoNumber("INV-{YYYY}", 1, march5)).toThrow(/exactly one counter/);
  });
});

describe("autoNumber definition checks", () => {
  it.each([
    ["INV-{YYYY}", "The format needs exactly one counter token, such as {0000}."],
    ["{000}-{000}", "The format needs exactly one counter token, such as {0000}."],
    [
      "INV-{0000}-{HH}",
      '"{HH}" is not a token: use {0000} for the counter and {YYYY}, {YY}, {MM}, {DD} for dates.',
    ],
    ["INV-{0000", "Braces are only allowed around tokens such as {0000}."],
    ["INV}-{0000}", "Braces are only allowed around tokens such as {0000}."],
    ["{}{0}", '"{}" is not a token: use {0000} for the counter and {YYYY}, {YY}, {MM}, {DD} for dates.'],
  ])("reports %j as autoNumber.badFormat", (format, message) => {
    expect(autoNumberField.check?.(autoNumber("number", { format }))).toEqual([
      { path: "/format", code: "autoNumber.badFormat", message },
    ]);
  });

  it("accepts a format with one counter and date tokens", () => {
    expect(autoNumberField.check?.(autoNumber("number", { format: "CASE-{YYYY}-{00000}" }))).toEqual([]);
  });
});

describe("autoNumber field", () => {
  const field = autoNumber("number", { format: "INV-{0000}", startAt: 1000 });

  it("is generated, read-only and filtered like text", () => {
    expect(autoNumberField.source).toBe("generated");
    expect(autoNumberField.toUiSchema(field, "en")).toEqual({ "ui:readonly": true });
    expect(autoNumberField.operators).toContain("startsWith");
  });

  it("stores strings of at most 255 characters", () => {
    const valid = valueValidator(autoNumberField.toJsonSchema(field));
    expect(valid("INV-1000")).toBe(true);
    expect(valid("x".repeat(256))).toBe(false);
    expect(autoNumberField.coerce("INV-1000", field)).toEqual({ ok: true, value: "INV-1000" });
  });
});
