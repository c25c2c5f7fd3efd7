import type { CompareOperator, FilterNode } from "./filter-node.js";
import {
  type Args,
  child,
  condition,
  fieldRef,
  isVar,
  type Parser,
  refuse,
  resolve,
  supports,
} from "./filter-parser.js";
import { COMPARE_HINT, type ResolvedValue, resolveValue, valueForField } from "./filter-values.js";

const MAX_LIST = 1000;

/** The comparisons a filter accepts (a Map: names come from the filter, "constructor" must not be found). */
export const COMPARISONS: ReadonlyMap<string, CompareOperator> = new Map<string, CompareOperator>([
  ["==", "=="],
  ["===", "=="],
  ["!=", "!="],
  ["!==", "!="],
  ["<", "<"],
  ["<=", "<="],
  [">", ">"],
  [">=", ">="],
]);
/** `5 < x` is `x > 5`. */
const FLIPPED: Readonly<Record<CompareOperator, CompareOperator>> = {
  "==": "==",
  "!=": "!=",
  "<": ">",
  "<=": ">=",
  ">": "<",
  ">=": "<=",
};

export const parseNotMissing = (p: Parser, args: Args): FilterNode | undefined => {
  const inner = args.list[0];
  if (args.list.length !== 1 || !isVar(inner)) {
    return refuse(
      p,
      args.at(0),
      "filter.invalidArguments",
      'In a filter, !! tests that a field has a value: {"!!": {"var": "fieldName"}}',
    );
  }
  const ref = fieldRef(p, inner, args.at(0));
  if (ref === undefined || !supports(p, ref, "missing", args.at(0))) return undefined;
  return { op: "not", child: condition(p, { op: "missing", field: ref.name }) };
};

/** The field side and the value side of a two-argument condition, in either order. */
const sides = (p: Parser, args: Args, path: string) => {
  const [a, b] = args.list;
  if (isVar(a) && isVar(b)) {
    return refuse(p, args.at(1), "filter.notAllowed", `${COMPARE_HINT}, not with another field`);
  }
  if (!isVar(a) && !isVar(b))
    return refuse(p, path, "filter.invalidArguments", `${COMPARE_HINT}; this condition names no field`);
  const fieldFirst = isVar(a);
  return {
    fieldFirst,
    fieldNode: fieldFirst ? a : b,
    fieldPath: args.at(fieldFirst ? 0 : 1),
    valueNode: fieldFirst ? b : a,
    valuePath: args.at(fieldFirst ? 1 : 0),
  };
};

export const parseComparison = (
  p: Parser,
  written: CompareOperator,
  args: Args,
  path: string,
): FilterNode | undefined => {
  const s = sides(p, args, path);
  if (s === undefined) return undefined;
  const ref = fieldRef(p, s.fieldNode, s.fieldPath);
  const resolved = resolveValue(s.valueNode, s.valuePath, p.clock, p.problems);
  if (ref === undefined || resolved === undefined) return undefined;
  const operator = s.fieldFirst ? written : FLIPPED[written];
  if (resolved.value === null) {
    if (operator !== "==" && operator !== "!=") {
      return refuse(
        p,
        s.valuePath,
        "filter.valueType",
        `Only == and != can compare with null (an empty field)`,
      );
    }
    if (!supports(p, ref, "missing", path)) return undefined;
    const missing = condition(p, { op: "missing" as const, field: ref.name });
    return operator === "==" ? missing : { op: "not", child: missing };
  }
  if (!supports(p, ref, operator, path)) return undefined;
  const value = valueForField(resolved, ref.name, ref.field, s.valuePath, p.problems);
  if (value === undefined) return undefined;
  return condition(p, { op: "compare", field: ref.name, operator, value });
};

export const parseBetween = (
  p: Parser,
  name: "<" | "<=",
  args: Args,
  path: string,
): FilterNode | undefined => {
  const [low, middle, high] = args.list;
  if (!isVar(middle) || isVar(low) || isVar(high)) {
    return refuse(
      p,
      path,
      "filter.invalidArguments",
      `A range is written {"${name}": [low, {"var": "fieldName"}, high]}`,
    );
  }
  const ref = fieldRef(p, middle, args.at(1));
  const lowValue = resolveValue(low, args.at(0), p.clock, p.problems);
  const highValue = resolveValue(high, args.at(2), p.clock, p.problems);
  if (ref === undefined || lowValue === undefined || highValue === undefined) return undefined;
  if (!supports(p, ref, "between", path)) return undefined;
  const lowStored = valueForField(lowValue, ref.name, ref.field, args.at(0), p.problems);
  const highStored = valueForField(highValue, ref.name, ref.field, args.at(2), p.problems);
  if (lowStored === undefined || highStored === undefined) return undefined;
  if (typeof lowStored === "boolean" || typeof highStored === "boolean") {
    return refuse(p, path, "filter.valueType", "A range needs numbers, dates or times, not true/false");
  }
  const inclusive = name === "<=";
  return condition(p, {
    op: "between",
    field: ref.name,
    low: lowStored,
    high: highStored,
    lowInclusive: inclusive,
    highInclusive: inclusive,
  });
};

export const parseIn = (p: Parser, args: Args, path: string): FilterNode | undefined => {
  if (args.list.length !== 2) {
    return refuse(
      p,
      path,
      "filter.invalidArguments",
      'in is written {"in": [{"var": "fieldName"}, [value, ...]]} or {"in": ["text", {"var": "fieldName"}]}',
    );
  }
  const [a, b] = args.list;
  if (isVar(a) && Array.isArray(b)) return parseInList(p, a, b, args, path);
  if (!isVar(a) && isVar(b)) {
    const ref = fieldRef(p, b, args.at(1));
    if (ref === undefined) return undefined;
    const op = ref.field.valueKind === "array" ? "includes" : "contains";
    if (typeof a !== "string") {
      return refuse(
        p,
        args.at(0),
        "filter.valueType",
        `${op === "includes" ? "The value to look for" : "The text to search for"} must be text`,
      );
    }
    if (!supports(p, ref, op, path)) return undefined;
    return condition(p, { op, field: ref.name, value: a });
  }
  return refuse(
    p,
    path,
    "filter.invalidArguments",
    'in is written {"in": [{"var": "fieldName"}, [value, ...]]} or {"in": ["text", {"var": "fieldName"}]}',
  );
};

const parseInList = (
  p: Parser,
  fieldNode: unknown,
  list: unknown[],
  args: Args,
  path: string,
): FilterNode | undefined => {
  const ref = fieldRef(p, fieldNode, args.at(0));
  if (ref === undefined || !supports(p, ref, "in", path)) return undefined;
  if (list.length === 0)
    return refuse(p, args.at(1), "filter.invalidArguments", "in needs at least one value");
  if (list.length > MAX_LIST)
    return refuse(p, args.at(1), "filter.tooManyValues", `in can list at most ${MAX_LIST} values`);
  const values: Array<string | number> = [];
  list.forEach((item, i) => {
    const at = child(args.at(1), i);
    const resolved: ResolvedValue | undefined =
      typeof item === "string" || typeof item === "number"
        ? { value: item }
        : resolveValue(item, at, p.clock, p.problems);
    if (resolved === undefined) return;
    const stored = valueForField(resolved, ref.name, ref.field, at, p.problems);
    if (typeof stored === "string" || typeof stored === "number") values.push(stored);
    else if (stored !== undefined) refuse(p, at, "filter.valueType", "in lists text or numbers");
  });
  return values.length === list.length ? condition(p, { op: "in", field: ref.name, values }) : undefined;
};

export const parseStartsWith = (p: Parser, args: Args, path: string): FilterNode | undefined => {
  const [a, b] = args.list;
  if (args.list.length !== 2 || !isVar(a)) {
    return refuse(
      p,
      path,
      "filter.invalidArguments",
      'startsWith is written {"startsWith": [{"var": "fieldName"}, "prefix"]}',
    );
  }
  const ref = fieldRef(p, a, args.at(0));
  if (ref === undefined) return undefined;
  if (typeof b !== "string") return refuse(p, args.at(1), "filter.valueType", "The prefix must be text");
  if (!supports(p, ref, "startsWith", path)) return undefined;
  return condition(p, { op: "startsWith", field: ref.name, value: b });
};

export const parseMissing = (p: Parser, args: Args, path: string): FilterNode | undefined => {
  const [name] = args.list;
  if (args.list.length !== 1 || typeof name !== "string" || name === "") {
    return refuse(
      p,
      path,
      "filter.invalidArguments",
      'In a filter, missing names one field: {"missing": ["fieldName"]}; combine several with and / or',
    );
  }
  const ref = resolve(p, name, args.at(0));
  if (ref === undefined || !supports(p, ref, "missing", path)) return undefined;
  return condition(p, { op: "missing", field: ref.name });
};

/**
 * Parses a stored filter: the JsonLogic forms documented in filter-operator.ts, `and`/`or`, `!`,
 * `!!{"var"}` (has a value), comparisons written either way round, and values that may use today,
 * now and addDays (resolved now, with `options.now`). Everything else is refused with a problem
 * pointing at the refused part; so are unknown fields, operators a field's type does not offer,
 * values of the wrong kind and filters of more than 100 conditions.
 */
