import { accepted, refused } from "./coercion.js";
import type { Coercion } from "./field-type-descriptor.js";

/** What a numeric string may carry besides the number itself. */
export interface DecimalSyntax {
  /** A leading currency symbol: "¥12.50", "-$5", "$-5". */
  readonly currencySymbol?: boolean;
  /** A trailing percent sign: "12.5%". */
  readonly percentSign?: boolean;
}

// Inputs longer than this are not numbers anyone typed; refusing them early bounds regex work.
const MAX_NUMERIC_INPUT = 100;
const PLAIN_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
// Thousands separators only in groups of three, so "1,5" (a European decimal) is refused, not read as 15.
const GROUPED_DECIMAL = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const LEADING_CURRENCY_SYMBOL = /^([+-]?)\s*[¥￥$€£]\s*/;
const TRAILING_PERCENT_SIGN = /\s*[%％]$/;

/** Reads a finite number from a number or a numeric string; undefined when the input is not one. */
export const parseDecimal = (value: unknown, syntax: DecimalSyntax = {}): number | undefined => {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string" || value.length > MAX_NUMERIC_INPUT) return undefined;
  let text = value.trim();
  if (syntax.currencySymbol) text = text.replace(LEADING_CURRENCY_SYMBOL, "$1");
  if (syntax.percentSign) text = text.replace(TRAILING_PERCENT_SIGN, "");
  text = text.trim();
  if (PLAIN_DECIMAL.test(text)) return finite(Number(text));
  if (GROUPED_DECIMAL.test(text)) return finite(Number(text.replace(/,/g, "")));
  return undefined;
};

const finite = (value: number): number | undefined => (Number.isFinite(value) ? value : undefined);

// Shifting through the decimal exponent avoids binary rounding errors: 1.005 * 100 is 100.49999...
const shiftDecimal = (value: number, places: number): number => {
  const [mantissa, exponent = "0"] = String(value).split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
};

/** Rounds half away from zero to `scale` decimals: 1.005 -> 1.01, -2.5 -> -3 (scale 0). */
export const roundToScale = (value: number, scale: number): number => {
  // Binary floating point stores 1200.5 * 1.13 as 1356.5649999999998; reading the value at 15
  // significant digits first recovers the decimal a person computes (1356.565 -> 1356.57).
  const decimal = Math.abs(Number(value.toPrecision(15)));
  const rounded = Math.sign(value) * Math.round(shiftDecimal(decimal, scale));
  // Adding 0 turns -0 into 0, so a stored value never prints as "-0".
  return shiftDecimal(rounded, -scale) + 0;
};

export const notANumber = (): Coercion => refused("field.notANumber", "Enter a number, such as 1234.5.");

/** A number from input, rounded to `scale` decimals when a scale is set. */
export const coerceDecimal = (
  value: unknown,
  scale: number | undefined,
  syntax: DecimalSyntax = {},
): Coercion => {
  const parsed = parseDecimal(value, syntax);
  if (parsed === undefined) return notANumber();
  const result = scale === undefined ? parsed + 0 : roundToScale(parsed, scale);
  return Number.isFinite(result) ? accepted(result) : notANumber();
};
