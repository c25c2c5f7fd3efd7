import { DEFAULT_CURRENCY, formatDatetime, type ValueFormat } from "@tessera/metadata";
import type { ResultMeasure } from "./report-api.js";

/** What a figure without a value shows (a sum over no records, a max of nothing). */
export const NO_FIGURE = "—";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const numberFormat = (measure: ResultMeasure, locale: string): Intl.NumberFormat => {
  switch (measure.format) {
    case "currency":
      return new Intl.NumberFormat(locale, {
        style: "currency",
        currency: measure.currencyCode ?? DEFAULT_CURRENCY,
      });
    case "percent":
      return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
    case "integer":
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    default:
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  }
};

/**
 * One figure of a measure as the reader reads it: amounts in the measure's currency, percentages
 * (stored as the percent figure: 12.5 is 12.5 %), counts without decimals, and the earliest or
 * latest date of a min/max in their locale.
 */
export const formatMeasure = (
  value: number | string | null | undefined,
  measure: ResultMeasure,
  format: ValueFormat,
): string => {
  if (value === null || value === undefined) return NO_FIGURE;
  if (typeof value === "string") {
    if (measure.format === "datetime") return formatDatetime(value, format);
    if (DATE.test(value) && !Number.isNaN(Date.parse(value)))
      return new Intl.DateTimeFormat(format.locale, { dateStyle: "medium", timeZone: "UTC" }).format(
        new Date(value),
      );
    return value;
  }
  return numberFormat(measure, format.locale).format(measure.format === "percent" ? value / 100 : value);
};

/** A short figure for chart axes ("1.3M", "125万"), the measure's unit kept. */
export const formatAxisFigure = (value: number, measure: ResultMeasure, locale: string): string => {
  if (measure.format === "percent")
    return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
  return new Intl.NumberFormat(locale, {
    notation: "compact",
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
    ...(measure.format === "currency" && {
      style: "currency",
      currency: measure.currencyCode ?? DEFAULT_CURRENCY,
    }),
  }).format(value);
};

/** The figures a chart can plot: numbers; a date (a min/max of dates) has no height. */
export const plottable = (value: number | string | null | undefined): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;
