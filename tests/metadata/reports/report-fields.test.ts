import { describe, expect, it } from "vitest";
import { valueTypeOf } from "../../../metadata/src/reports/field-value-type.js";
import { measureFormat } from "../../../metadata/src/reports/report-fields.js";
import { deal } from "../kinds/deal.js";

describe("valueTypeOf", () => {
  it("sees formulas as their return type, roll-ups as numbers, others as their type", () => {
    expect(valueTypeOf(deal, "expected")).toBe("currency");
    expect(valueTypeOf(deal, "isWon")).toBe("boolean");
    expect(valueTypeOf(deal, "lineCount")).toBe("number");
    expect(valueTypeOf(deal, "stage")).toBe("picklist");
  });

  it("knows the owner, creator, updater and timestamps, not the id, version or tenant", () => {
    expect(valueTypeOf(deal, "ownerId")).toBe("user");
    expect(valueTypeOf(deal, "createdAt")).toBe("datetime");
    expect(valueTypeOf(deal, "id")).toBeUndefined();
    expect(valueTypeOf(deal, "version")).toBeUndefined();
    expect(valueTypeOf(deal, "tenant")).toBeUndefined();
    expect(valueTypeOf(deal, "nope")).toBeUndefined();
  });
});

describe("measureFormat", () => {
  it("shows counts as integers", () => {
    expect(measureFormat(deal, { operation: "count" })).toBe("integer");
    expect(measureFormat(deal, { operation: "count", field: "amount" })).toBe("integer");
  });

  it("keeps the field's format for the other operations", () => {
    expect(measureFormat(deal, { operation: "sum", field: "amount" })).toBe("currency");
    expect(measureFormat(deal, { operation: "avg", field: "expected" })).toBe("currency");
    expect(measureFormat(deal, { operation: "avg", field: "probability" })).toBe("percent");
    expect(measureFormat(deal, { operation: "sum", field: "seats" })).toBe("number");
    expect(measureFormat(deal, { operation: "min", field: "closeDate" })).toBe("date");
    expect(measureFormat(deal, { operation: "max", field: "signedAt" })).toBe("datetime");
    expect(measureFormat(deal, { operation: "max", field: "createdAt" })).toBe("datetime");
  });
});
