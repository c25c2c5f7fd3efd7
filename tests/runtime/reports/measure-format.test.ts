import { describe, expect, it } from "vitest";
import { formatAxisFigure, formatMeasure, plottable } from "../../../runtime/src/reports/measure-format.js";
import type { ResultMeasure } from "../../../runtime/src/reports/report-api.js";

const measure = (format: ResultMeasure["format"], extra: Partial<ResultMeasure> = {}): ResultMeasure => ({
  operation: "sum",
  label: "Figure",
  format,
  ...extra,
});

const EN = { locale: "en", timeZone: "UTC" } as const;
const ZH = { locale: "zh-CN", timeZone: "UTC" } as const;

describe("measure figures", () => {
  it("writes amounts in the default currency (CNY) with two decimals, per locale", () => {
    expect(formatMeasure(1234567.891, measure("currency"), EN)).toBe("CN¥1,234,567.89");
    expect(formatMeasure(1234567.891, measure("currency"), ZH)).toBe("¥1,234,567.89");
  });

  it("writes amounts in the measure's own currency when it names one", () => {
    expect(formatMeasure(1500, measure("currency", { currencyCode: "USD" }), EN)).toBe("$1,500.00");
  });

  it("writes percentages from the stored percent figure (42.5 is 42.5 %)", () => {
    expect(formatMeasure(42.5, measure("percent"), EN)).toBe("42.5%");
    expect(formatMeasure(12.345, measure("percent"), ZH)).toBe("12.35%");
  });

  it("writes counts without decimals and other numbers with at most two", () => {
    expect(formatMeasure(12345, measure("integer"), EN)).toBe("12,345");
    expect(formatMeasure(2.3456, measure("number"), EN)).toBe("2.35");
    expect(formatMeasure(1000.5, measure("number"), ZH)).toBe("1,000.5");
  });

  it("writes the earliest or latest date of a min/max as a date in the locale", () => {
    expect(formatMeasure("2026-11-26", measure("date"), EN)).toBe("Nov 26, 2026");
    expect(formatMeasure("2026-11-26", measure("date"), ZH)).toBe("2026年11月26日");
    expect(formatMeasure("2026-11-26T08:30:00.000Z", measure("datetime"), EN)).toBe(
      "Nov 26, 2026, 8:30 AM UTC",
    );
  });

  it("writes a dash for a figure without a value", () => {
    expect(formatMeasure(null, measure("currency"), EN)).toBe("—");
    expect(formatMeasure(undefined, measure("integer"), ZH)).toBe("—");
  });
});

describe("axis figures", () => {
  it("shortens large figures the locale's way, keeping the currency", () => {
    expect(formatAxisFigure(1250000, measure("currency"), "en")).toBe("CN¥1.3M");
    expect(formatAxisFigure(1250000, measure("currency"), "zh-CN")).toBe("¥125万");
    expect(formatAxisFigure(1200, measure("integer"), "en")).toBe("1.2K");
    expect(formatAxisFigure(50, measure("percent"), "en")).toBe("50%");
  });
});

describe("plottable figures", () => {
  it("plots numbers only", () => {
    expect(plottable(3)).toBe(3);
    expect(plottable("2026-01-01")).toBeNull();
    expect(plottable(null)).toBeNull();
    expect(plottable(Number.NaN)).toBeNull();
  });
});
