import { describe, expect, it } from "vitest";
import { numberFormatOf, sheetNameOf } from "../../../engine/src/exports/write-xlsx.js";
import { currency, date, datetime, number, percent, text } from "../../metadata/builders.js";

describe("numberFormatOf: XLSX number formats by field", () => {
  it("formats amounts with the currency's symbol in the reader's locale and the field's scale", () => {
    expect(numberFormatOf(currency("amount"), "zh-CN")).toBe('"¥"#,##0.00');
    expect(numberFormatOf(currency("amount", { currencyCode: "USD", scale: 0 }), "en")).toBe('"$"#,##0');
  });

  it("keeps percent figures as stored (12.5 is 12.5 %) with the sign as text", () => {
    expect(numberFormatOf(percent("rate", { scale: 1 }), "en")).toBe('0.0"%"');
  });

  it("groups numbers with their scale, General without one", () => {
    expect(numberFormatOf(number("qty", { scale: 3 }), "en")).toBe("#,##0.000");
    expect(numberFormatOf(number("qty"), "en")).toBe("General");
  });

  it("formats dates and datetimes, nothing for text", () => {
    expect(numberFormatOf(date("d"), "en")).toBe("yyyy-mm-dd");
    expect(numberFormatOf(datetime("d"), "en")).toBe("yyyy-mm-dd hh:mm");
    expect(numberFormatOf(text("t"), "en")).toBeUndefined();
  });
});

describe("sheetNameOf: a worksheet name Excel accepts", () => {
  it("replaces the characters Excel refuses and keeps 31 characters", () => {
    expect(sheetNameOf("Deals [2026]: won/lost?", "deal")).toBe("Deals  2026   won lost");
    expect(sheetNameOf("商机".repeat(20), "deal")).toHaveLength(31);
  });

  it("falls back to the object's name", () => {
    expect(sheetNameOf("***", "deal")).toBe("deal");
  });
});
