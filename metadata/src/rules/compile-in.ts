import { containsTest, membershipTest } from "./compile-field-test.js";
import { type Compiled, computed, constant, tested } from "./compiled-node.js";
import { isObjectLike, toText } from "./js-coercion.js";
import { contains } from "./operations.js";

/** `in` against a literal list of scalars is a set lookup; against a literal string, a substring test. */
export const compileIn = (name: string, args: Compiled[]): Compiled | undefined => {
  const [needle, haystack] = args;
  if (name !== "in" || args.length !== 2 || needle === undefined || haystack === undefined) return undefined;
  if (needle.constant === haystack.constant) return undefined;
  const field = needle.constant ? haystack.field : needle.field;
  const test =
    field === undefined
      ? undefined
      : needle.constant
        ? containsTest(field, needle.value)
        : Array.isArray(haystack.value)
          ? membershipTest(field, haystack.value)
          : undefined;
  if (test !== undefined) return tested(test);
  if (needle.constant) {
    const value = needle.value;
    const text = toText(value);
    const f = haystack.evaluate;
    return computed((data, meter) => {
      const list = f(data, meter);
      if (typeof list === "string") return list !== "" && list.includes(text);
      return Array.isArray(list) && list.indexOf(value) !== -1;
    });
  }
  const f = needle.evaluate;
  const list = haystack.value;
  if (typeof list === "string") {
    if (list === "") return constant(false);
    return computed((data, meter) => {
      const v = f(data, meter);
      return list.includes(typeof v === "string" ? v : toText(v));
    });
  }
  if (Array.isArray(list) && list.every((item) => !isObjectLike(item) && !Number.isNaN(item))) {
    const members = new Set<unknown>(list);
    return computed((data, meter) => members.has(f(data, meter)));
  }
  return computed((data, meter) => contains(f(data, meter), list));
};
