import type { PicklistOption } from "../fields/picklist-options.js";
import type { FieldDefinition } from "../fields/registry.js";
import { CURRENCY_DEFAULT_SCALE } from "../fields/types/currency.js";
import { PERCENT_DEFAULT_SCALE } from "../fields/types/percent.js";
import { type Locale, localize } from "../i18n/localized-text.js";
import { isPlainObject, type JsonValue } from "../json/json-types.js";
import { htmlToText } from "./html-to-text.js";

/** The currency of amounts whose field names none (the helper `formatCurrency` defaults to it too). */
export const DEFAULT_CURRENCY = "CNY";

/** How values are shown to one reader. */
export interface ValueFormat {
  readonly locale: Locale;
  /** IANA time zone datetimes are shown in. */
  readonly timeZone: string;
}

const YES_NO: Readonly<Record<Locale, readonly [string, string]>> = {
  en: ["Yes", "No"],
  "zh-CN": ["是", "否"],
};
const LIST_SEPARATOR: Readonly<Record<Locale, string>> = { en: ", ", "zh-CN": "、" };

/** A time zone Intl accepts, else UTC: a bad preference must not stop a message. */
export const usableTimeZone = (zone: unknown): string => {
  if (typeof zone !== "string" || zone === "" || zone.length > 64) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
};

const number = (value: number, format: ValueFormat, scale: number | undefined): string =>
  new Intl.NumberFormat(
    format.locale,
    scale === undefined
      ? { maximumFractionDigits: 8 }
      : { minimumFractionDigits: scale, maximumFractionDigits: scale },
  ).format(value);

const currency = (value: number, format: ValueFormat, scale: number, code: string | undefined): string =>
  new Intl.NumberFormat(format.locale, {
    style: "currency",
    currency: code ?? DEFAULT_CURRENCY,
    minimumFractionDigits: scale,
    maximumFractionDigits: scale,
  }).format(value);

// Stored as the percent figure (12.5 means 12.5 %).
const percent = (value: number, format: ValueFormat, scale: number): string =>
  new Intl.NumberFormat(format.locale, { style: "percent", maximumFractionDigits: scale }).format(
    value / 100,
  );

const date = (value: string, format: ValueFormat): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return value;
  return new Intl.DateTimeFormat(format.locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(value),
  );
};

/** An instant in the reader's time zone, with the zone named (the reader may be elsewhere). */
export const formatDatetime = (value: string, format: ValueFormat): string => {
  const instant = Date.parse(value);
  if (Number.isNaN(instant)) return value;
  return new Intl.DateTimeFormat(format.locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: format.timeZone,
  })
    .format(new Date(instant))
    .concat(format.timeZone === "UTC" ? " UTC" : "");
};

const time = (value: string, format: ValueFormat): string => {
  const instant = Date.parse(`1970-01-01T${value}Z`);
  if (Number.isNaN(instant)) return value;
  return new Intl.DateTimeFormat(format.locale, { timeStyle: "short", timeZone: "UTC" }).format(
    new Date(instant),
  );
};

const optionLabel = (options: readonly PicklistOption[], value: string, locale: Locale): string => {
  const option = options.find((o) => o.value === value);
  return option === undefined ? value : (localize(option.label, locale) ?? value);
};

const fileNames = (value: JsonValue): string => {
  const files = Array.isArray(value) ? value : [value];
  return files
    .map((file) => (isPlainObject(file) && typeof file.name === "string" ? file.name : ""))
    .filter((name) => name !== "")
    .join(", ");
};

const typed = (
  type: "text" | "number" | "currency" | "percent" | "boolean" | "date" | "datetime",
  value: JsonValue,
  format: ValueFormat,
  scale: number | undefined,
): string => {
  if (type === "boolean") return typeof value === "boolean" ? YES_NO[format.locale][value ? 0 : 1] : "";
  if (typeof value === "number") {
    if (type === "currency") return currency(value, format, scale ?? CURRENCY_DEFAULT_SCALE, undefined);
    if (type === "percent") return percent(value, format, scale ?? PERCENT_DEFAULT_SCALE);
    return number(value, format, scale);
  }
  if (typeof value !== "string") return "";
  if (type === "date") return date(value, format);
  if (type === "datetime") return formatDatetime(value, format);
  return value;
};

/**
 * One stored value as a reader sees it: picklist labels in their language, numbers, amounts,
 * percentages, dates and times in their locale (datetimes in their time zone), yes or no for a
 * checkbox, rich text as plain text. References are named by the caller (naming one needs access
 * checks); here they are empty. Absent values are empty.
 */
export const formatFieldValue = (
  field: FieldDefinition,
  value: JsonValue | undefined,
  format: ValueFormat,
): string => {
  if (value === undefined || value === null) return "";
  switch (field.type) {
    case "lookup":
    case "masterDetail":
    case "user":
      return "";
    case "picklist":
      return typeof value === "string" ? optionLabel(field.options, value, format.locale) : "";
    case "multiPicklist":
      return Array.isArray(value)
        ? value
            .filter((item): item is string => typeof item === "string")
            .map((item) => optionLabel(field.options, item, format.locale))
            .join(LIST_SEPARATOR[format.locale])
        : "";
    case "boolean":
      return typed("boolean", value, format, undefined);
    case "number":
      return typed("number", value, format, field.scale);
    case "rollupSummary":
      return typed("number", value, format, undefined);
    case "currency":
      return typeof value === "number"
        ? currency(value, format, field.scale ?? CURRENCY_DEFAULT_SCALE, field.currencyCode)
        : "";
    case "percent":
      return typed("percent", value, format, field.scale);
    case "date":
      return typed("date", value, format, undefined);
    case "datetime":
      return typed("datetime", value, format, undefined);
    case "time":
      return typeof value === "string" ? time(value, format) : "";
    case "formula":
      return typed(field.returnType, value, format, field.scale);
    case "richText":
      return typeof value === "string" ? htmlToText(value) : "";
    case "geolocation":
      return isPlainObject(value) && typeof value.lat === "number" && typeof value.lng === "number"
        ? `${value.lat}, ${value.lng}`
        : "";
    case "file":
      return fileNames(value);
    case "custom":
      return typeof value === "boolean" ? typed("boolean", value, format, undefined) : String(value);
    default:
      return typeof value === "string" || typeof value === "number" ? String(value) : "";
  }
};
