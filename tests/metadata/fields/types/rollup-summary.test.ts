import { describe, expect, it } from "vitest";
import { rollupSummaryField } from "../../../../metadata/src/fields/types/rollup-summary.js";
import { rollupSummary } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const total = rollupSummary("total", {
  childObject: "quoteLine",
  relationshipField: "quote",
  operation: "sum",
  summaryField: "amount",
  filter: { "==": [{ var: "active" }, true] },
});

describe("rollup summary definition checks", () => {
  it("requires a summary field unless the operation is count", () => {
    expect(rollupSummaryField.check?.({ ...total, summaryField: undefined })).toEqual([
      {
        path: "/summaryField",
        code: "rollupSummary.summaryFieldRequired",
        message: "A sum summary needs the child field to summarise.",
      },
    ]);
    expect(rollupSummaryField.check?.({ ...total, operation: "count", summaryField: undefined })).toEqual([]);
    expect(rollupSummaryField.check?.(total)).toEqual([]);
  });
});

describe("rollup summary values", () => {
  it("stores numbers: integers for count", () => {
    expect(rollupSummaryField.toJsonSchema({ ...total, operation: "count" })).toEqual({ type: "integer" });
    const valid = valueValidator(rollupSummaryField.toJsonSchema(total));
    expect(valid(12.5)).toBe(true);
    expect(valid("12.5")).toBe(false);
    expect(rollupSummaryField.coerce(12.5, total)).toEqual({ ok: true, value: 12.5 });
  });

  it("is computed, read-only and filtered like a number", () => {
    expect(rollupSummaryField.source).toBe("computed");
    expect(rollupSummaryField.toUiSchema(total, "en")).toEqual({ "ui:readonly": true });
    expect(rollupSummaryField.operators).toContain("between");
  });
});
