/**
 * JavaScript's implicit conversions (ToPrimitive, ToString, ToNumber, `==`, `<`) as json-logic-js
 * relies on them, re-implemented so that no method of a value is ever called: an object from rule
 * data can carry its own `toString` or `valueOf`, and the native operators would run them.
 * Invariant: an array converts like `Array.prototype.join` (null and undefined items as ""), any
 * other object as "[object Object]" (so a Date reads as an object, not as its date text).
 */

const OBJECT_TEXT = "[object Object]";
/** Arrays nested deeper than this convert as if empty, so hostile data cannot overflow the stack. */
const MAX_JOIN_DEPTH = 100;

export const isObjectLike = (value: unknown): value is object =>
  (typeof value === "object" && value !== null) || typeof value === "function";

/** JsonLogic truthiness: JavaScript's, except that an empty array is false. */
export const truthy = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : Boolean(value));

const joinItems = (items: readonly unknown[], depth: number, seen: Set<unknown>): string => {
  if (depth > MAX_JOIN_DEPTH || seen.has(items)) return "";
  seen.add(items);
  let text = "";
  for (let i = 0; i < items.length; i += 1) {
    if (i > 0) text += ",";
    const item = items[i];
    if (item === null || item === undefined) continue;
    if (Array.isArray(item)) text += joinItems(item, depth + 1, seen);
    else text += isObjectLike(item) ? OBJECT_TEXT : String(item);
  }
  seen.delete(items);
  return text;
};

/** ToPrimitive of an object: arrays join, every other object is "[object Object]". */
const objectToPrimitive = (value: object): string =>
  Array.isArray(value) ? joinItems(value, 0, new Set()) : OBJECT_TEXT;

/** ToString. */
export const toText = (value: unknown): string => {
  if (typeof value === "string") return value;
  if (isObjectLike(value)) return objectToPrimitive(value);
  return String(value);
};

/** ToNumber (`Number(x)`, `+x`, the arithmetic operators). */
export const toNumber = (value: unknown): number => {
  switch (typeof value) {
    case "number":
      return value;
    case "string":
      return Number(value);
    case "boolean":
      return value ? 1 : 0;
    case "bigint":
      return Number(value);
    case "object":
      return value === null ? 0 : Number(objectToPrimitive(value));
    default:
      return Number.NaN;
  }
};

/** `parseFloat(x)`: json-logic-js's `+` and `*` parse their operands this way. */
export const parseNumber = (value: unknown): number => {
  // parseFloat(String(n)) is n itself, except that "-0" is not what String(-0) gives.
  if (typeof value === "number") return value === 0 ? 0 : value;
  return Number.parseFloat(toText(value));
};

/** `a == b`. */
export const looseEquals = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) {
    return (a === null || a === undefined) && (b === null || b === undefined);
  }
  const aObject = isObjectLike(a);
  const bObject = isObjectLike(b);
  if (aObject && bObject) return false;
  if (aObject) return looseEquals(objectToPrimitive(a), b);
  if (bObject) return looseEquals(a, objectToPrimitive(b));
  const aType = typeof a;
  const bType = typeof b;
  if (aType === bType) return false;
  if (aType === "boolean") return looseEquals(a ? 1 : 0, b);
  if (bType === "boolean") return looseEquals(a, b ? 1 : 0);
  return toNumber(a) === toNumber(b);
};

/**
 * The abstract relational comparison `a < b`: true, false, or undefined when either side is NaN
 * (then `<`, `>`, `<=` and `>=` are all false). Two strings compare by UTF-16 code units.
 */
const lessThan = (a: unknown, b: unknown): boolean | undefined => {
  const left = isObjectLike(a) ? objectToPrimitive(a) : a;
  const right = isObjectLike(b) ? objectToPrimitive(b) : b;
  if (typeof left === "string" && typeof right === "string") return left < right;
  const x = toNumber(left);
  const y = toNumber(right);
  if (Number.isNaN(x) || Number.isNaN(y)) return undefined;
  return x < y;
};

export const isLess = (a: unknown, b: unknown): boolean => lessThan(a, b) === true;
export const isGreater = (a: unknown, b: unknown): boolean => lessThan(b, a) === true;
export const isLessOrEqual = (a: unknown, b: unknown): boolean => lessThan(b, a) === false;
export const isGreaterOrEqual = (a: unknown, b: unknown): boolean => lessThan(a, b) === false;
