import type { RJSFSchema } from "@rjsf/utils";
import { describe, expect, it } from "vitest";
import { createFormValidator } from "../../../runtime/src/form/form-validator.js";

// Messages name the keyword and its limit, so each test sees which rule fired.
const validator = createFormValidator(({ keyword, params }) =>
  params.limit === undefined ? keyword : `${keyword} ${String(params.limit)}`,
);

const deal: RJSFSchema = {
  type: "object",
  properties: {
    name: { type: "string", maxLength: 10 },
    amount: { type: "number", minimum: 0, maximum: 1000 },
    seats: { type: "integer" },
    stage: { type: "string", enum: ["open", "won", "lost"] },
    tags: { type: "array", items: { type: "string", enum: ["a", "b"] }, uniqueItems: true, maxItems: 2 },
    email: { type: "string", format: "email" },
    closeDate: { type: "string", format: "date" },
    account: { type: "string", pattern: "^[A-Za-z0-9_-]{1,64}$" },
  },
  required: ["name", "stage"],
};

const errorsOf = (data: Record<string, unknown>) =>
  validator.validateFormData(data, deal).errors.map((e) => [e.property, e.message]);

describe("required fields", () => {
  it("reports a missing required field on that field", () => {
    expect(errorsOf({ stage: "open" })).toEqual([[".name", "required"]]);
  });

  it("counts an empty text or a cleared value as missing", () => {
    expect(errorsOf({ name: "", stage: null })).toEqual([
      [".name", "required"],
      [".stage", "required"],
    ]);
  });

  it("puts the errors in the error schema under the field", () => {
    const { errorSchema } = validator.validateFormData({ stage: "open" }, deal);
    expect(errorSchema).toEqual({ name: { __errors: ["required"] } });
  });
});

describe("bounds and types", () => {
  it("refuses a number below the minimum or above the maximum", () => {
    expect(errorsOf({ name: "x", stage: "open", amount: -1 })).toEqual([[".amount", "minimum 0"]]);
    expect(errorsOf({ name: "x", stage: "open", amount: 1000.5 })).toEqual([[".amount", "maximum 1000"]]);
  });

  it("accepts a number on its bounds", () => {
    expect(errorsOf({ name: "x", stage: "open", amount: 0 })).toEqual([]);
    expect(errorsOf({ name: "x", stage: "open", amount: 1000 })).toEqual([]);
  });

  it("refuses text longer than its maximum length, counted in characters", () => {
    expect(errorsOf({ name: "零一二三四五六七八九", stage: "open" })).toEqual([]);
    expect(errorsOf({ name: "零一二三四五六七八九十", stage: "open" })).toEqual([[".name", "maxLength 10"]]);
  });

  it("refuses a fraction where a whole number is expected", () => {
    expect(errorsOf({ name: "x", stage: "open", seats: 1.5 })).toEqual([[".seats", "type"]]);
  });

  it("refuses a value of the wrong type", () => {
    expect(errorsOf({ name: "x", stage: "open", amount: "12" })).toEqual([[".amount", "type"]]);
  });
});

describe("options", () => {
  it("refuses a value that is not one of the options", () => {
    expect(errorsOf({ name: "x", stage: "archived" })).toEqual([[".stage", "enum"]]);
  });

  it("checks every item of a multi-select and refuses repeats and too many", () => {
    expect(errorsOf({ name: "x", stage: "open", tags: ["a", "c"] })).toEqual([[".tags.1", "enum"]]);
    expect(errorsOf({ name: "x", stage: "open", tags: ["a", "a"] })).toEqual([[".tags", "uniqueItems"]]);
    expect(errorsOf({ name: "x", stage: "open", tags: ["a", "b", "a"] })).toEqual([
      [".tags", "maxItems 2"],
      [".tags", "uniqueItems"],
    ]);
  });
});

describe("formats and patterns", () => {
  it("refuses an e-mail address without a domain and a date that does not exist", () => {
    expect(errorsOf({ name: "x", stage: "open", email: "ann@", closeDate: "2026-02-30" })).toEqual([
      [".email", "format"],
      [".closeDate", "format"],
    ]);
  });

  it("accepts well-formed ones", () => {
    expect(errorsOf({ name: "x", stage: "open", email: "ann@example.com", closeDate: "2024-02-29" })).toEqual(
      [],
    );
  });

  it("applies the pattern of a record id", () => {
    expect(errorsOf({ name: "x", stage: "open", account: "01 ABC" })).toEqual([[".account", "pattern"]]);
  });
});

describe("custom validation", () => {
  it("merges the errors a customValidate adds", () => {
    const { errors } = validator.validateFormData({ name: "x", stage: "lost" }, deal, (data, handler) => {
      if (data?.stage === "lost") handler.name?.addError("say why");
      return handler;
    });
    expect(errors.map((e) => [e.property, e.message])).toEqual([[".name", "say why"]]);
  });
});

describe("isValid, as rjsf uses it to pick an anyOf / oneOf option", () => {
  const anyValue = createFormValidator<unknown>(({ keyword }) => keyword);
  const person: RJSFSchema = {
    type: "object",
    properties: { kind: { const: "person" } },
    required: ["kind"],
  };
  const company: RJSFSchema = {
    type: "object",
    properties: { kind: { const: "company" }, vat: { type: "string" } },
    required: ["kind", "vat"],
  };

  it("tells which option the data matches", () => {
    expect(validator.isValid(person, { kind: "person" }, person)).toBe(true);
    expect(validator.isValid(company, { kind: "person" }, company)).toBe(false);
    expect(validator.isValid(company, { kind: "company", vat: "DE1" }, company)).toBe(true);
  });

  it("resolves local references against the root schema", () => {
    const root: RJSFSchema = { $defs: { person }, oneOf: [{ $ref: "#/$defs/person" }, company] };
    expect(validator.isValid({ $ref: "#/$defs/person" }, { kind: "person" }, root)).toBe(true);
    expect(validator.isValid({ $ref: "#/$defs/person" }, { kind: "robot" }, root)).toBe(false);
  });

  it("requires exactly one matching oneOf option and at least one anyOf option", () => {
    const either: RJSFSchema = { oneOf: [{ type: "string" }, { type: "string", maxLength: 3 }] };
    expect(anyValue.isValid(either, "abcdef", either)).toBe(true);
    expect(anyValue.isValid(either, "abc", either)).toBe(false);
    const any: RJSFSchema = { anyOf: [{ type: "number" }, { type: "string" }] };
    expect(anyValue.isValid(any, "abc", any)).toBe(true);
    expect(anyValue.isValid(any, true, any)).toBe(false);
  });
});
