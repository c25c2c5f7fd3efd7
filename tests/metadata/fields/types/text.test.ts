import { describe, expect, it } from "vitest";
import { textField } from "../../../../metadata/src/fields/types/text.js";
import { text } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

describe("text coercion", () => {
  it.each([
    ["Acme Ltd", "Acme Ltd"],
    ["  padded  ", "  padded  "],
    [42, "42"],
    [1.5, "1.5"],
    ["中文名称", "中文名称"],
  ])("stores %j as %j", (input, stored) => {
    expect(textField.coerce(input, text("name"))).toEqual({ ok: true, value: stored });
  });

  it.each([
    [true, "field.notText"],
    [{ a: 1 }, "field.notText"],
    [["a"], "field.notText"],
    [Number.NaN, "field.notText"],
    ["x".repeat(256), "field.tooLong"],
  ])("refuses %j with %s", (input, code) => {
    expect(textField.coerce(input, text("name"))).toMatchObject({ ok: false, code });
  });

  it("allows 255 characters when maxLength is absent", () => {
    expect(textField.coerce("x".repeat(255), text("name"))).toEqual({ ok: true, value: "x".repeat(255) });
  });

  it("counts characters, not UTF-16 units, against maxLength", () => {
    expect(textField.coerce("😀😀😀", text("name", { maxLength: 3 }))).toEqual({ ok: true, value: "😀😀😀" });
    expect(textField.coerce("😀😀😀😀", text("name", { maxLength: 3 }))).toMatchObject({
      code: "field.tooLong",
    });
  });
});

describe("text record schema", () => {
  it("is a string capped at maxLength (255 by default)", () => {
    expect(textField.toJsonSchema(text("name"))).toEqual({ type: "string", maxLength: 255 });
    expect(textField.toJsonSchema(text("name", { maxLength: 80 }))).toEqual({
      type: "string",
      maxLength: 80,
    });
  });

  it("accepts what coercion stores and refuses longer strings", () => {
    const valid = valueValidator(textField.toJsonSchema(text("code", { maxLength: 3 })));
    expect(valid("😀😀😀")).toBe(true);
    expect(valid("abcd")).toBe(false);
    expect(valid(3)).toBe(false);
  });
});

describe("text definition checks", () => {
  it("refuses a default longer than maxLength", () => {
    expect(textField.check?.(text("code", { maxLength: 2, default: "abc" }))).toMatchObject([
      { path: "/default", code: "field.invalidDefault" },
    ]);
  });

  it("ignores expression defaults", () => {
    expect(textField.check?.(text("code", { maxLength: 2, default: { expression: { var: "x" } } }))).toEqual(
      [],
    );
  });
});

describe("text presentation", () => {
  it("uses the default text widget, searchable by text", () => {
    expect(textField.toUiSchema(text("name"), "en")).toEqual({});
    expect(textField.indexHint).toBe("text");
    expect(textField.operators).toEqual(["==", "!=", "in", "contains", "startsWith", "missing"]);
  });
});
