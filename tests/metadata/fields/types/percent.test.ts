import { describe, expect, it } from "vitest";
import { percentField } from "../../../../metadata/src/fields/types/percent.js";
import { percent } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const discount = percent("discount");

describe("percent coercion", () => {
  it.each([
    ["12.5%", 12.5],
    ["12.5 %", 12.5],
    [12.5, 12.5],
    ["0.125", 0.13],
    ["33.3333%", 33.33],
    ["-5%", -5],
  ])("stores %j as the percent figure %j", (input, stored) => {
    expect(percentField.coerce(input, discount)).toEqual({ ok: true, value: stored });
  });

  it("refuses text that is not a percentage", () => {
    expect(percentField.coerce("half", discount)).toMatchObject({ ok: false, code: "field.notANumber" });
    expect(percentField.coerce("%", discount)).toMatchObject({ ok: false, code: "field.notANumber" });
  });
});

describe("percent record schema", () => {
  it("is a number within min and max", () => {
    const valid = valueValidator(percentField.toJsonSchema(percent("discount", { min: 0, max: 100 })));
    expect(valid(12.5)).toBe(true);
    expect(valid(100.5)).toBe(false);
  });
});

describe("percent presentation", () => {
  it("uses the percent widget", () => {
    expect(percentField.toUiSchema(discount, "en")).toEqual({
      "ui:widget": "percent",
      "ui:options": { scale: 2 },
    });
  });
});
