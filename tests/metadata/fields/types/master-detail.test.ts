import { describe, expect, it } from "vitest";
import { masterDetailField } from "../../../../metadata/src/fields/types/master-detail.js";
import { masterDetail } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const quote = masterDetail("quote", { reference: "quote", relationshipName: "lines" });

describe("master-detail coercion", () => {
  it("stores the master's id", () => {
    expect(masterDetailField.coerce({ id: "Q-1" }, quote)).toEqual({ ok: true, value: "Q-1" });
    expect(masterDetailField.coerce("Q 1", quote)).toMatchObject({
      ok: false,
      code: "field.invalidReference",
    });
  });
});

describe("master-detail record schema", () => {
  it("is a record id", () => {
    const valid = valueValidator(masterDetailField.toJsonSchema(quote));
    expect(valid("Q-1")).toBe(true);
    expect(valid("")).toBe(false);
  });
});

describe("master-detail definition", () => {
  it("has no required key: a detail always has a master", () => {
    expect(Object.keys(masterDetailField.optionsSchema.properties as object)).toEqual([
      "reference",
      "relationshipName",
    ]);
  });
});

describe("master-detail presentation", () => {
  it("uses the lookup widget on the master object", () => {
    expect(masterDetailField.toUiSchema(quote, "en")).toEqual({
      "ui:widget": "lookup",
      "ui:options": { reference: "quote" },
    });
  });
});
