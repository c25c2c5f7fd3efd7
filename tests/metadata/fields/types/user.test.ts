import { describe, expect, it } from "vitest";
import { userField } from "../../../../metadata/src/fields/types/user.js";
import { user } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const reviewer = user("reviewer");

describe("user coercion", () => {
  it("stores the user's id", () => {
    expect(userField.coerce("u_42", reviewer)).toEqual({ ok: true, value: "u_42" });
    expect(userField.coerce({ id: "u_42" }, reviewer)).toEqual({ ok: true, value: "u_42" });
    expect(userField.coerce("admin@example.com", reviewer)).toMatchObject({
      ok: false,
      code: "field.invalidReference",
    });
  });
});

describe("user record schema", () => {
  it("is a record id", () => {
    const valid = valueValidator(userField.toJsonSchema(reviewer));
    expect(valid("u_42")).toBe(true);
    expect(valid("u 42")).toBe(false);
  });
});

describe("user presentation", () => {
  it("is a lookup to the user object", () => {
    expect(userField.toUiSchema(reviewer, "en")).toEqual({
      "ui:widget": "lookup",
      "ui:options": { reference: "user" },
    });
  });
});
