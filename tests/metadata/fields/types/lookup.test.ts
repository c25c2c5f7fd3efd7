import { describe, expect, it } from "vitest";
import { lookupField, onDeleteOf } from "../../../../metadata/src/fields/types/lookup.js";
import { lookup } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const account = lookup("account", { reference: "account" });

describe("lookup coercion", () => {
  it.each([
    ["01HV5N8Q2K", "01HV5N8Q2K"],
    ["acc_123-x", "acc_123-x"],
    [{ id: "01HV5N8Q2K", name: "Acme" }, "01HV5N8Q2K"],
  ])("stores %j as %j", (input, stored) => {
    expect(lookupField.coerce(input, account)).toEqual({ ok: true, value: stored });
  });

  it.each([["has space"], ["a/b"], ["x".repeat(65)], [{ name: "Acme" }], [{ id: 5 }], [42], [["id"]]])(
    "refuses %j with field.invalidReference",
    (input) => {
      expect(lookupField.coerce(input, account)).toMatchObject({ ok: false, code: "field.invalidReference" });
    },
  );
});

describe("lookup record schema", () => {
  it("is a record id", () => {
    const valid = valueValidator(lookupField.toJsonSchema(account));
    expect(valid("01HV5N8Q2K")).toBe(true);
    expect(valid("../etc")).toBe(false);
    expect(valid("x".repeat(65))).toBe(false);
  });
});

describe("lookup definition", () => {
  it("clears the field when the referenced record is deleted unless told to restrict", () => {
    expect(onDeleteOf(account)).toBe("setNull");
    expect(onDeleteOf({ ...account, onDelete: "restrict" })).toBe("restrict");
  });
});

describe("lookup presentation", () => {
  it("uses the lookup widget on the referenced object", () => {
    expect(lookupField.toUiSchema(account, "en")).toEqual({
      "ui:widget": "lookup",
      "ui:options": { reference: "account" },
    });
    expect(lookupField.operators).toEqual(["==", "!=", "in", "missing"]);
  });
});
