import { describe, expect, it } from "vitest";
import { formulaField, formulaResultType } from "../../../../metadata/src/fields/types/formula.js";
import { formula } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const gross = formula("gross", { returnType: "currency", expression: { "*": [{ var: "amount" }, 1.13] } });

describe("formula results", () => {
  it("normalises a numeric result by its return type's scale", () => {
    expect(formulaField.coerce(113.00000000000001, gross)).toEqual({ ok: true, value: 113 });
    expect(formulaField.coerce(1.005, { ...gross, scale: 0 })).toEqual({ ok: true, value: 1 });
    expect(formulaField.coerce(1.23456, { ...gross, returnType: "number" })).toEqual({
      ok: true,
      value: 1.23456,
    });
  });

  it("refuses results its return type refuses", () => {
    expect(formulaField.coerce(Number.NaN, gross)).toMatchObject({ ok: false, code: "field.notANumber" });
    expect(formulaField.coerce("soon", { ...gross, returnType: "date" })).toMatchObject({
      ok: false,
      code: "field.invalidDate",
    });
  });

  it.each([
    ["text", "abc", "abc"],
    ["boolean", 1, true],
    ["date", "2024-03-05T10:00:00Z", "2024-03-05"],
    ["datetime", 0, "1970-01-01T00:00:00.000Z"],
    ["percent", "12.345%", 12.35],
  ] as const)("coerces a %s result %j to %j", (returnType, result, stored) => {
    expect(formulaField.coerce(result, { ...gross, returnType })).toEqual({ ok: true, value: stored });
  });
});

describe("formula record schema", () => {
  it.each([
    ["text", { type: "string", maxLength: 10_000 }],
    ["number", { type: "number" }],
    ["currency", { type: "number" }],
    ["boolean", { type: "boolean" }],
    ["date", { type: "string", maxLength: 10, format: "date" }],
  ] as const)("follows the %s return type", (returnType, schema) => {
    expect(formulaField.toJsonSchema({ ...gross, returnType })).toEqual(schema);
  });

  it("compiles for every return type", () => {
    for (const returnType of [
      "text",
      "number",
      "currency",
      "percent",
      "boolean",
      "date",
      "datetime",
    ] as const) {
      expect(() => valueValidator(formulaField.toJsonSchema({ ...gross, returnType }))).not.toThrow();
    }
  });
});

describe("formula presentation and filters", () => {
  it("shows the return type's widget, read-only", () => {
    expect(formulaField.toUiSchema(gross, "en")).toEqual({
      "ui:widget": "currency",
      "ui:options": { scale: 2 },
      "ui:readonly": true,
    });
  });

  it("filters by the return type's operators", () => {
    expect(formulaResultType({ ...gross, returnType: "text" }).operators).toContain("contains");
    expect(formulaResultType(gross).operators).toContain("between");
    expect(formulaField.operators).toEqual(["==", "!=", "missing"]);
    expect(formulaField.source).toBe("computed");
  });
});
