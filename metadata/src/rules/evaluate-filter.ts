import type { FilterNode } from "./filter-node.js";
import { readVar } from "./read-path.js";

/**
 * The reference semantics of a filter on one record. The SQL and MongoDB compilers must select
 * exactly the records for which this returns true.
 *
 * - A field's value is read like `var`: own properties only, a dotted name walks nested objects.
 *   An absent field and null are both *missing*; "" and [] are values.
 * - Two-valued logic: every condition is true or false for every record, never unknown, and `not`
 *   is plain negation (an SQL compiler must not let NULL propagate: `not (x == 1)` holds when x is
 *   missing).
 * - `==`: the field's value has the filter value's JSON type and is equal to it; no coercion
 *   ("5" never equals 5), strings exactly (case-sensitive). `== null` means missing.
 * - `!=`: exactly the negation of `==`. So a missing field matches `!= "closed"`, and `!= null`
 *   matches every record where the field has a value.
 * - `<`, `<=`, `>`, `>=`: both numbers, or both strings compared by UTF-16 code units (dates and
 *   datetimes are stored in one ISO form, so this orders them in time). A missing field, a value of
 *   another type or a null filter value never matches.
 * - `between`: low (`<=` or `<` per lowInclusive) value (`<=` or `<` per highInclusive) high, under
 *   the rules of `<`.
 * - `in`: the field's value is a string or number strictly equal to one of the listed values.
 * - `contains` / `startsWith`: the field's value is a string containing / starting with the value,
 *   ignoring case: both sides pass through String.prototype.toLowerCase() (Unicode default case
 *   mapping, independent of locale; SQLite's lower() folds ASCII only, so the embedded store needs
 *   its own function).
 * - `includes`: the field's value is an array with an element strictly equal to the value
 *   (case-sensitive: multi-value fields hold option codes).
 * - `missing`: absent or null. `true`: every record.
 */
export const evaluateFilter = (node: FilterNode, record: Record<string, unknown>): boolean => {
  switch (node.op) {
    case "and":
      return node.children.every((c) => evaluateFilter(c, record));
    case "or":
      return node.children.some((c) => evaluateFilter(c, record));
    case "not":
      return !evaluateFilter(node.child, record);
    case "true":
      return true;
    case "missing":
      return fieldValue(record, node.field) === null;
  }
  const value = fieldValue(record, node.field);
  switch (node.op) {
    case "compare":
      return compare(value, node.operator, node.value);
    case "between":
      return (
        ordered(value, node.low, node.lowInclusive ? "<=" : "<", true) &&
        ordered(value, node.high, node.highInclusive ? "<=" : "<", false)
      );
    case "in":
      return (typeof value === "string" || typeof value === "number") && node.values.includes(value);
    case "contains":
      return typeof value === "string" && value.toLowerCase().includes(node.value.toLowerCase());
    case "startsWith":
      return typeof value === "string" && value.toLowerCase().startsWith(node.value.toLowerCase());
    case "includes":
      return Array.isArray(value) && value.includes(node.value);
  }
};

/** The field's value, with absent and undefined as null. */
const fieldValue = (record: Record<string, unknown>, field: string): unknown => readVar(record, field, null);

const compare = (value: unknown, operator: string, target: string | number | boolean | null): boolean => {
  if (operator === "==" || operator === "!=") {
    const equal = target === null ? value === null : value === target;
    return operator === "==" ? equal : !equal;
  }
  if (target === null) return false;
  switch (operator) {
    case "<":
      return ordered(value, target, "<", false);
    case "<=":
      return ordered(value, target, "<=", false);
    case ">":
      return ordered(value, target, "<", true);
    default:
      return ordered(value, target, "<=", true);
  }
};

/**
 * `value op bound` (or `bound op value` when `boundFirst`) for two numbers or two strings of the
 * same type; false for anything else.
 */
const ordered = (
  value: unknown,
  bound: string | number | boolean,
  op: "<" | "<=",
  boundFirst: boolean,
): boolean => {
  if ((typeof bound !== "number" && typeof bound !== "string") || typeof value !== typeof bound) return false;
  const [a, b] = (boundFirst ? [bound, value] : [value, bound]) as [string, string];
  return op === "<" ? a < b : a <= b;
};
