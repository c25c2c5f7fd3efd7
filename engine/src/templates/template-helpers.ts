import type { HelperDelegate } from "handlebars";

const SAFE_URL = /^(https?:\/\/|mailto:)[^\s<>"']*$/i;

const rootOf = (options: unknown) =>
  (options as { data?: { root?: { $locale?: unknown; $timeZone?: unknown } } }).data?.root;

const localeOf = (options: unknown): string => {
  const root = rootOf(options);
  return typeof root?.$locale === "string" ? root.$locale : "en";
};

/** The reader's time zone when the renderer knows it (record templates do); else the server's. */
const timeZoneOf = (options: unknown): { timeZone?: string } => {
  const zone = rootOf(options)?.$timeZone;
  return typeof zone === "string" ? { timeZone: zone } : {};
};

/**
 * The helpers templates may call. Everything else (including Handlebars' own `lookup` and `log`)
 * is refused when the template is compiled.
 */
export const TEMPLATE_HELPERS: Readonly<Record<string, HelperDelegate>> = {
  /** A date or datetime in the reader's locale: {{formatDate closeDate}}. */
  formatDate: (value: unknown, options: unknown) => {
    if (typeof value !== "string" || Number.isNaN(Date.parse(value))) return "";
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    return new Intl.DateTimeFormat(localeOf(options), {
      dateStyle: "medium",
      ...(dateOnly ? { timeZone: "UTC" } : { timeStyle: "short", ...timeZoneOf(options) }),
    }).format(new Date(value));
  },
  /** A number in the reader's locale: {{formatNumber quantity}}. */
  formatNumber: (value: unknown, options: unknown) =>
    typeof value === "number" ? new Intl.NumberFormat(localeOf(options)).format(value) : "",
  /** An amount with its currency: {{formatCurrency amount "CNY"}}. */
  formatCurrency: (value: unknown, currency: unknown, options: unknown) => {
    if (typeof value !== "number") return "";
    const code = typeof currency === "string" && /^[A-Z]{3}$/.test(currency) ? currency : "CNY";
    return new Intl.NumberFormat(localeOf(options), { style: "currency", currency: code }).format(value);
  },
  /** A percentage stored as the percent figure (12.5 means 12.5 %): {{formatPercent probability}}. */
  formatPercent: (value: unknown, options: unknown) =>
    typeof value === "number"
      ? new Intl.NumberFormat(localeOf(options), { style: "percent", maximumFractionDigits: 2 }).format(
          value / 100,
        )
      : "",
  /** A link target: only http(s) and mailto addresses; anything else (javascript:, data:) is dropped. */
  url: (value: unknown) => (typeof value === "string" && SAFE_URL.test(value) ? value : ""),
};
