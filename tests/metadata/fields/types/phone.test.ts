import { describe, expect, it } from "vitest";
import { phoneField } from "../../../../metadata/src/fields/types/phone.js";
import { phone } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const field = phone("mobile");

describe("phone coercion", () => {
  it.each([
    ["+86 138 0013 8000", "+86 138 0013 8000"],
    ["  +86   138\t0013  8000 ", "+86 138 0013 8000"],
    ["(010) 6552-9988", "(010) 6552-9988"],
    ["010-65529988转8001", "010-65529988 ext. 8001"],
    ["+1 (555) 010-4477 x12", "+1 (555) 010-4477 ext. 12"],
    ["+1 555 010 4477 ext. 12", "+1 555 010 4477 ext. 12"],
    ["+1 555 010 4477 EXT 12", "+1 555 010 4477 ext. 12"],
    ["5550104477#9", "5550104477 ext. 9"],
    [13800138000, "13800138000"],
    ["(+86)13677282027", "+86 13677282027"],
    ["（+86）138 0013 8000", "+86 138 0013 8000"],
    ["１３８００１３８０００", "13800138000"],
  ])("stores %j as %j", (input, stored) => {
    expect(phoneField.coerce(input, field)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ["call me"],
    ["1-800-FLOWERS"],
    ["12"],
    ["555+0104477"],
    ["555.010.4477"],
    ["()-"],
    ["1".repeat(21)],
    ["+86 138 0013 8000 ext. 12345678901"],
    [true],
  ])("refuses %j with field.invalidPhone", (input) => {
    expect(phoneField.coerce(input, field)).toMatchObject({ ok: false, code: "field.invalidPhone" });
  });
});

describe("phone record schema", () => {
  const valid = valueValidator(phoneField.toJsonSchema(field));

  it("accepts stored forms", () => {
    expect(valid("+1 (555) 010-4477 ext. 12")).toBe(true);
    expect(valid("010-65529988")).toBe(true);
  });

  it("refuses letters, double spaces and strings over 40 characters", () => {
    expect(valid("555 CALL")).toBe(false);
    expect(valid("555  0104")).toBe(false);
    expect(valid("1".repeat(41))).toBe(false);
  });
});

describe("phone presentation", () => {
  it("uses a tel input", () => {
    expect(phoneField.toUiSchema(field, "en")).toEqual({ "ui:options": { inputType: "tel" } });
  });
});
