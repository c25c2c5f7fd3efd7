import { comparisonTest } from "./compile-field-test.js";
import { type Compiled, computed, isScalarConstant, tested } from "./compiled-node.js";
import type { Evaluator } from "./evaluator.js";
import { isGreater, isGreaterOrEqual, isLess, isLessOrEqual, looseEquals } from "./js-coercion.js";

/**
 * Comparisons specialised for a constant scalar operand: operands of the constant's own type take
 * JavaScript's native operator (identical results for two numbers or two strings), anything else
 * the safe coercing comparison. Each operator has its own closure so engines can inline it.
 */

const MIRRORED: ReadonlyMap<string, string> = new Map([
  ["<", ">"],
  ["<=", ">="],
  [">", "<"],
  [">=", "<="],
]);

/** `v == c` for a constant scalar `c`: same-type scalars are loosely equal only when strictly equal. */
const equalsConstant = (f: Evaluator, c: unknown, negate: boolean): Evaluator => {
  if (c === null || c === undefined) {
    return (data, meter) => {
      const v = f(data, meter);
      return (v === null || v === undefined) !== negate;
    };
  }
  const type = typeof c;
  return (data, meter) => {
    const v = f(data, meter);
    return (v === c || (typeof v !== type && looseEquals(v, c))) !== negate;
  };
};

/** `f(data) <op> c`, or `c <op> f(data)` when the constant is on the left (mirrored: `c < v` is `v > c`). */
export const compareWithConstant = (
  name: string,
  f: Evaluator,
  c: unknown,
  constantOnRight: boolean,
): Evaluator | undefined => {
  switch (name) {
    case "==":
      return equalsConstant(f, c, false);
    case "!=":
      return equalsConstant(f, c, true);
    case "===":
      return (data, meter) => f(data, meter) === c;
    case "!==":
      return (data, meter) => f(data, meter) !== c;
  }
  const op = constantOnRight ? name : MIRRORED.get(name);
  if (typeof c !== "number" && typeof c !== "string") {
    switch (op) {
      case "<":
        return (data, meter) => isLess(f(data, meter), c);
      case "<=":
        return (data, meter) => isLessOrEqual(f(data, meter), c);
      case ">":
        return (data, meter) => isGreater(f(data, meter), c);
      case ">=":
        return (data, meter) => isGreaterOrEqual(f(data, meter), c);
    }
    return undefined;
  }
  const type = typeof c;
  switch (op) {
    case "<":
      return (data, meter) => {
        const v = f(data, meter);
        return typeof v === type ? (v as number) < (c as number) : isLess(v, c);
      };
    case "<=":
      return (data, meter) => {
        const v = f(data, meter);
        return typeof v === type ? (v as number) <= (c as number) : isLessOrEqual(v, c);
      };
    case ">":
      return (data, meter) => {
        const v = f(data, meter);
        return typeof v === type ? (v as number) > (c as number) : isGreater(v, c);
      };
    case ">=":
      return (data, meter) => {
        const v = f(data, meter);
        return typeof v === type ? (v as number) >= (c as number) : isGreaterOrEqual(v, c);
      };
  }
  return undefined;
};

/** A comparison of two computed operands. */
export const compareBoth = (name: string, f: Evaluator, g: Evaluator): Evaluator | undefined => {
  switch (name) {
    case "==":
      return (data, meter) => looseEquals(f(data, meter), g(data, meter));
    case "!=":
      return (data, meter) => !looseEquals(f(data, meter), g(data, meter));
    case "===":
      return (data, meter) => f(data, meter) === g(data, meter);
    case "!==":
      return (data, meter) => f(data, meter) !== g(data, meter);
    case "<":
      return (data, meter) => isLess(f(data, meter), g(data, meter));
    case "<=":
      return (data, meter) => isLessOrEqual(f(data, meter), g(data, meter));
    case ">":
      return (data, meter) => isGreater(f(data, meter), g(data, meter));
    case ">=":
      return (data, meter) => isGreaterOrEqual(f(data, meter), g(data, meter));
  }
  return undefined;
};

/**
 * `{"<": [low, v, high]}` / `{"<=": ...}` with constant scalar bounds of one type: all three
 * operands are evaluated (as json-logic-js does), then compared natively when `v` has that type.
 */
export const betweenConstants = (
  name: string,
  low: unknown,
  f: Evaluator,
  high: unknown,
): Evaluator | undefined => {
  const type = typeof low;
  if ((type !== "number" && type !== "string") || typeof high !== type) return undefined;
  if (name === "<") {
    return (data, meter) => {
      const v = f(data, meter);
      return typeof v === type
        ? (low as number) < (v as number) && (v as number) < (high as number)
        : isLess(low, v) && isLess(v, high);
    };
  }
  if (name === "<=") {
    return (data, meter) => {
      const v = f(data, meter);
      return typeof v === type
        ? (low as number) <= (v as number) && (v as number) <= (high as number)
        : isLessOrEqual(low, v) && isLessOrEqual(v, high);
    };
  }
  return undefined;
};

/** `==`, `<`, ... with a constant operand or a field test; undefined when no specialisation applies. */
export const compileComparison = (name: string, args: Compiled[]): Compiled | undefined => {
  const [left, right, third] = args;
  if (left === undefined || right === undefined) return undefined;
  if (args.length === 3 && third !== undefined) {
    if (!isScalarConstant(left) || isScalarConstant(right) || !isScalarConstant(third)) return undefined;
    const between = betweenConstants(name, left.value, right.evaluate, third.value);
    return between === undefined ? undefined : computed(between);
  }
  if (args.length !== 2 || (isScalarConstant(left) && isScalarConstant(right))) return undefined;
  const constantOnRight = isScalarConstant(right);
  const other = constantOnRight ? left : right;
  const c = constantOnRight ? right.value : left.value;
  if ((constantOnRight || isScalarConstant(left)) && other.field !== undefined) {
    const test = comparisonTest(name, other.field, c, constantOnRight);
    if (test !== undefined) return tested(test);
  }
  const specialised = constantOnRight
    ? compareWithConstant(name, left.evaluate, c, true)
    : isScalarConstant(left)
      ? compareWithConstant(name, right.evaluate, c, false)
      : compareBoth(name, left.evaluate, right.evaluate);
  return specialised === undefined ? undefined : computed(specialised);
};
