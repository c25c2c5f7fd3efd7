import {
  isGreater,
  isGreaterOrEqual,
  isLess,
  isLessOrEqual,
  looseEquals,
  parseNumber,
  toNumber,
  toText,
  truthy,
} from "./js-coercion.js";
import { addDays, daysBetween, nowOf, todayOf } from "./rule-dates.js";
import { RuleError } from "./rule-error.js";

/**
 * An operation whose arguments are all evaluated first (json-logic-js's "depth-first" operators).
 * `if`, `and`, `or`, `var`, `missing`, `missing_some` and the iteration operators are special forms
 * handled by the interpreter and the compiler themselves. Operations never call methods of values
 * and never have side effects; only `today` and `now` read the clock.
 */
export type Operation = (args: readonly unknown[], clock: () => Date) => unknown;

/** Operations whose result depends on their arguments alone, so constant arguments may be folded. */
export const CLOCK_OPERATIONS: ReadonlySet<string> = new Set(["today", "now"]);

const MAX_DAY_SHIFT = 10_000_000;

/** Text of a scalar (numbers and booleans print as in JavaScript); undefined for null, arrays, objects. */
const scalarText = (value: unknown): string | undefined => {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
};

const finiteOrNull = (n: number): number | null => (Number.isFinite(n) ? n : null);

/** Length in Unicode code points, as JSON Schema's maxLength counts. */
const codePointLength = (text: string): number => {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
};

/** `{"substr": [s, start, length]}`: String.prototype.substr, and a negative length drops characters from the end. */
const substring = (source: unknown, start: unknown, length: unknown): string => {
  const text = toText(source);
  const clampStart = (from: number, size: number): number => {
    const s = Number.isNaN(from) ? 0 : Math.trunc(from);
    return s < 0 ? Math.max(size + s, 0) : Math.min(s, size);
  };
  const from = clampStart(toNumber(start), text.length);
  if (length === undefined) return text.slice(from);
  if (isLess(length, 0)) {
    // json-logic-js computes `rest.length + length`; for a non-number that concatenates text,
    // which is not a number, so nothing is kept.
    if (typeof length !== "number") return "";
    const rest = text.slice(from);
    return rest.slice(0, Math.max(Math.trunc(rest.length + length), 0));
  }
  const n = toNumber(length);
  const count = Number.isNaN(n) ? 0 : Math.max(Math.trunc(n), 0);
  return text.slice(from, Math.min(from + count, text.length));
};

/** `in`: membership in an array (strict equality) or substring of a string; false for anything else. */
export const contains = (needle: unknown, haystack: unknown): boolean => {
  if (typeof haystack === "string") return haystack !== "" && haystack.includes(toText(needle));
  if (Array.isArray(haystack)) return haystack.indexOf(needle) !== -1;
  return false;
};

const concatenate = (args: readonly unknown[]): string => {
  let text = "";
  for (const arg of args) if (arg !== null && arg !== undefined) text += toText(arg);
  return text;
};

const mergeArrays = (args: readonly unknown[]): unknown[] => {
  const out: unknown[] = [];
  for (const arg of args) {
    if (Array.isArray(arg)) for (const item of arg) out.push(item);
    else out.push(arg);
  }
  return out;
};

const sum = (args: readonly unknown[]): number => {
  let total = 0;
  for (const arg of args) total = total + parseNumber(arg);
  return total;
};

const product = (args: readonly unknown[]): unknown => {
  if (args.length === 0) {
    throw new RuleError("rule.invalidArguments", 'The "*" operation needs at least one value');
  }
  // json-logic-js reduces without a seed, so a single argument comes back unconverted.
  let result: unknown = args[0];
  for (let i = 1; i < args.length; i += 1) result = parseNumber(result) * parseNumber(args[i]);
  return result;
};

const extreme = (args: readonly unknown[], pick: (a: number, b: number) => number, start: number): number => {
  let result = start;
  for (const arg of args) result = pick(result, toNumber(arg));
  return result;
};

/** Round half away from zero at `digits` decimals, on the decimal text so 1.005 rounds to 1.01. */
const roundTo = (value: unknown, digits: unknown): number | null => {
  const n = toNumber(value);
  if (!Number.isFinite(n)) return null;
  const d = digits === undefined ? 0 : Math.trunc(toNumber(digits));
  if (!Number.isFinite(d)) return null;
  const shift = (x: number, places: number): number => {
    const [mantissa, exponent = "0"] = String(x).split("e");
    return Number(`${mantissa}e${Number(exponent) + places}`);
  };
  const scaled = shift(Math.abs(n), d);
  if (!Number.isFinite(scaled)) return n;
  const rounded = shift(Math.round(scaled), -d);
  return n < 0 ? -rounded : rounded;
};

const stringTest =
  (test: (text: string, part: string) => boolean): Operation =>
  ([text, part]) => {
    const a = scalarText(text);
    const b = scalarText(part);
    return a !== undefined && b !== undefined && test(a, b);
  };

const stringMap =
  (map: (text: string) => string): Operation =>
  ([value]) => {
    const text = scalarText(value);
    return text === undefined ? null : map(text);
  };

const binary =
  (test: (a: unknown, b: unknown) => boolean): Operation =>
  (args) =>
    test(args[0], args[1]);

const chain =
  (test: (a: unknown, b: unknown) => boolean): Operation =>
  (args) =>
    args.length > 2 ? test(args[0], args[1]) && test(args[1], args[2]) : test(args[0], args[1]);

export const OPERATIONS: ReadonlyMap<string, Operation> = new Map<string, Operation>([
  ["==", binary(looseEquals)],
  ["===", binary((a, b) => a === b)],
  ["!=", binary((a, b) => !looseEquals(a, b))],
  ["!==", binary((a, b) => a !== b)],
  [">", binary(isGreater)],
  [">=", binary(isGreaterOrEqual)],
  ["<", chain(isLess)],
  ["<=", chain(isLessOrEqual)],
  ["!!", ([a]) => truthy(a)],
  ["!", ([a]) => !truthy(a)],
  ["%", ([a, b]) => toNumber(a) % toNumber(b)],
  ["/", ([a, b]) => toNumber(a) / toNumber(b)],
  ["-", (args) => (args.length < 2 ? -toNumber(args[0]) : toNumber(args[0]) - toNumber(args[1]))],
  ["+", sum],
  ["*", product],
  ["min", (args) => extreme(args, Math.min, Number.POSITIVE_INFINITY)],
  ["max", (args) => extreme(args, Math.max, Number.NEGATIVE_INFINITY)],
  ["in", ([a, b]) => contains(a, b)],
  ["cat", concatenate],
  ["substr", ([s, start, length]) => substring(s, start, length)],
  ["merge", mergeArrays],
  ["startsWith", stringTest((text, part) => text.startsWith(part))],
  ["endsWith", stringTest((text, part) => text.endsWith(part))],
  ["lower", stringMap((text) => text.toLowerCase())],
  ["upper", stringMap((text) => text.toUpperCase())],
  ["trim", stringMap((text) => text.trim())],
  [
    "len",
    ([value]) => {
      if (value === null || value === undefined) return 0;
      if (Array.isArray(value)) return value.length;
      const text = scalarText(value);
      return text === undefined ? null : codePointLength(text);
    },
  ],
  ["round", ([value, digits]) => roundTo(value, digits)],
  ["abs", ([value]) => finiteOrNull(Math.abs(toNumber(value)))],
  ["today", (_args, clock) => todayOf(clock()) ?? null],
  ["now", (_args, clock) => nowOf(clock()) ?? null],
  [
    "addDays",
    ([value, days]) => {
      const n = toNumber(days);
      if (typeof value !== "string" || !Number.isInteger(n) || Math.abs(n) > MAX_DAY_SHIFT) return null;
      return addDays(value, n) ?? null;
    },
  ],
  [
    "daysBetween",
    ([a, b]) => (typeof a === "string" && typeof b === "string" ? (daysBetween(a, b) ?? null) : null),
  ],
]);
