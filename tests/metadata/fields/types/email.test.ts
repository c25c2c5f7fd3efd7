import { describe, expect, it } from "vitest";
import { emailField } from "../../../../metadata/src/fields/types/email.js";
import { email } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const field = email("workEmail");

describe("email coercion", () => {
  it.each([
    ["li.lei@example.com", "li.lei@example.com"],
    ["  Li.Lei@Example.COM  ", "Li.Lei@example.com"],
    ["o'brien+crm@sub.example.co.uk", "o'brien+crm@sub.example.co.uk"],
    ["a@b-c.io", "a@b-c.io"],
  ])("stores %j as %j", (input, stored) => {
    expect(emailField.coerce(input, field)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ["plainaddress"],
    ["@example.com"],
    ["a@"],
    ["a@localhost"],
    ["a..b@example.com"],
    [".a@example.com"],
    ["a@-example.com"],
    ["a@exa_mple.com"],
    ["Li Lei <li@example.com>"],
    ["a b@example.com"],
    ["张三@例子.中国"],
    [`${"a".repeat(65)}@example.com`],
    [`a@${"b".repeat(250)}.com`],
    [42],
  ])("refuses %j with field.invalidEmail", (input) => {
    expect(emailField.coerce(input, field)).toMatchObject({ ok: false, code: "field.invalidEmail" });
  });
});

describe("email record schema", () => {
  const valid = valueValidator(emailField.toJsonSchema(field));

  it("accepts what coercion stores", () => {
    expect(valid("o'brien+crm@sub.example.co.uk")).toBe(true);
  });

  it("refuses non-addresses and addresses over 254 characters", () => {
    expect(valid("not an email")).toBe(false);
    expect(valid(`${"a".repeat(60)}@${"b".repeat(200)}.com`)).toBe(false);
  });
});

describe("email definition checks", () => {
  it("refuses an invalid default and a default not written as stored", () => {
    expect(emailField.check?.(email("e", { default: "nope" }))).toMatchObject([
      { path: "/default", code: "field.invalidDefault" },
    ]);
    expect(emailField.check?.(email("e", { default: "a@EXAMPLE.com" }))).toMatchObject([
      {
        path: "/default",
        code: "field.invalidDefault",
        message: 'Write the default value as it is stored: "a@example.com".',
      },
    ]);
    expect(emailField.check?.(email("e", { default: "a@example.com" }))).toEqual([]);
  });
});

describe("email presentation", () => {
  it("uses the email widget and a value index", () => {
    expect(emailField.toUiSchema(field, "en")).toEqual({ "ui:widget": "email" });
    expect(emailField.indexHint).toBe("value");
  });
});
