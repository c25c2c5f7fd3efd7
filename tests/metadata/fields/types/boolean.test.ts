import { describe, expect, it } from "vitest";
import { booleanField } from "../../../../metadata/src/fields/types/boolean.js";
import { checkbox } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const active = checkbox("active");

describe("boolean coercion", () => {
  it.each([
    [true, true],
    [false, false],
    ["true", true],
    ["FALSE", false],
    [" yes ", true],
    ["No", false],
    ["1", true],
    ["0", false],
    ["是", true],
    ["否", false],
    [1, true],
    [0, false],
  ])("stores %j as %j", (input, stored) => {
    expect(booleanField.coerce(input, active)).toEqual({ ok: true, value: stored });
  });

  it.each([["maybe"], ["y"], [2], [-1], [{}], [["true"]], ["true".repeat(5)]])(
    "refuses %j with field.notABoolean",
    (input) => {
      expect(booleanField.coerce(input, active)).toMatchObject({ ok: false, code: "field.notABoolean" });
    },
  );
});

describe("boolean record schema", () => {
  it("accepts booleans only", () => {
    const valid = valueValidator(booleanField.toJsonSchema(active));
    expect(valid(true)).toBe(true);
    expect(valid("true")).toBe(false);
  });
});

describe("boolean definition", () => {
  it("has a default but no required key", () => {
    expect(Object.keys(booleanField.optionsSchema.properties as object)).toEqual(["default"]);
  });
});

describe("boolean presentation", () => {
  it("is a checkbox filtered by equality", () => {
    expect(booleanField.toUiSchema(active, "en")).toEqual({ "ui:widget": "checkbox" });
    expect(booleanField.operators).toEqual(["==", "!=", "missing"]);
  });
});
