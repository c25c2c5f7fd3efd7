import { describe, expect, it } from "vitest";
import { normalizeNumberCell } from "../../../engine/src/imports/number-cell.js";

describe("normalising a number cell", () => {
  it("drops currency symbols and codes before or after the amount", () => {
    expect(normalizeNumberCell("¥1,234.50")).toBe("1,234.50");
    expect(normalizeNumberCell("￥88")).toBe("88");
    expect(normalizeNumberCell("-$5")).toBe("-5");
    expect(normalizeNumberCell("1,234.50元")).toBe("1,234.50");
    expect(normalizeNumberCell("USD 12")).toBe("12");
    expect(normalizeNumberCell("12 RMB")).toBe("12");
  });

  it("makes an accountant's parentheses a minus", () => {
    expect(normalizeNumberCell("(1,000)")).toBe("-1,000");
    expect(normalizeNumberCell("(¥50.5)")).toBe("-50.5");
  });

  it("folds full-width digits and joins thousands separated by spaces", () => {
    expect(normalizeNumberCell("１２３，４５６")).toBe("123,456");
    expect(normalizeNumberCell("1 234 567.5")).toBe("1234567.5");
    expect(normalizeNumberCell("1\u00a0234")).toBe("1234");
  });

  it("leaves other text for the field to refuse", () => {
    expect(normalizeNumberCell("about 12")).toBe("about 12");
    expect(normalizeNumberCell("12.5%")).toBe("12.5%");
  });
});
