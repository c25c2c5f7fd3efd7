import { describe, expect, it } from "vitest";
import { currencyField } from "../../../../metadata/src/fields/types/currency.js";
import { currency } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const amount = currency("amount");

describe("currency coercion", () => {
  it.each([
    ["12.50", 12.5],
    [12.345, 12.35],
    ["¥1,234.50", 1234.5],
    ["￥88", 88],
    ["$ 99.999", 100],
    ["-€5", -5],
    ["£0.005", 0.01],
  ])("stores %j as %j at the default scale 2", (input, stored) => {
    expect(currencyField.coerce(input, amount)).toEqual({ ok: true, value: stored });
  });

  it("rounds to the field's scale", () => {
    expect(currencyField.coerce("12.5", currency("amount", { scale: 0 }))).toEqual({ ok: true, value: 13 });
  });

  it.each([["USD 12"], ["12$"], ["¥"], ["free"]])("refuses %j with field.notANumber", (input) => {
    expect(currencyField.coerce(input, amount)).toMatchObject({ ok: false, code: "field.notANumber" });
  });
});

describe("currency record schema", () => {
  it("is a number within min and max", () => {
    const valid = valueValidator(currencyField.toJsonSchema(currency("amount", { min: 0 })));
    expect(valid(12.5)).toBe(true);
    expect(valid(-0.01)).toBe(false);
  });
});

describe("currency definition", () => {
  it("takes an ISO 4217 code and a scale of at most 4", () => {
    expect(currencyField.optionsSchema).toMatchObject({
      properties: { currencyCode: { pattern: "^[A-Z]{3}$" }, scale: { maximum: 4 } },
    });
  });

  it("reports min above max", () => {
    expect(currencyField.check?.(currency("amount", { min: 10, max: 0 }))).toMatchObject([
      { code: "field.minAboveMax" },
    ]);
  });
});

describe("currency presentation", () => {
  it("uses the currency widget with scale and code", () => {
    expect(currencyField.toUiSchema(currency("amount", { currencyCode: "CNY" }), "zh-CN")).toEqual({
      "ui:widget": "currency",
      "ui:options": { scale: 2, currencyCode: "CNY" },
    });
    expect(currencyField.toUiSchema(currency("amount", { scale: 0 }), "en")).toEqual({
      "ui:widget": "currency",
      "ui:options": { scale: 0 },
    });
  });
});
