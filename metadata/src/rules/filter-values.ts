import { isPlainObject } from "../json/json-types.js";
import type { RuleProblem } from "./check-rule.js";
import type { FilterField } from "./filter-node.js";
import { addDays, nowOf, parseDate, parseDateTime, todayOf } from "./rule-dates.js";

/** A filter value after `today`/`now`/`addDays` are resolved; `temporal` says which of those produced it. */
export interface ResolvedValue {
  value: string | number | boolean | null;
  temporal?: "date" | "datetime";
}

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?$/;
const MAX_DAY_SHIFT = 100_000;

export const COMPARE_HINT = "Filters can compare a field with a value";

const describe = (value: unknown): string => (typeof value === "string" ? `"${value}"` : String(value));

const isClockCall = (node: unknown, name: string): boolean => {
  if (!isPlainObject(node)) return false;
  const keys = Object.keys(node);
  const args = node[name];
  return keys.length === 1 && keys[0] === name && Array.isArray(args) && args.length === 0;
};

/**
 * Reads a value position of a filter: a literal, `{"today": []}`, `{"now": []}`, or
 * `{"addDays": [{"today": []} | {"now": []}, n]}` (resolved now, with `clock`). Pushes a problem
 * and answers undefined for anything else.
 */
export const resolveValue = (
  node: unknown,
  path: string,
  clock: () => Date,
  problems: RuleProblem[],
): ResolvedValue | undefined => {
  if (node === null || typeof node === "string" || typeof node === "boolean") return { value: node };
  if (typeof node === "number") {
    if (Number.isFinite(node)) return { value: node };
    problems.push({ path, code: "filter.valueType", message: "Filter numbers must be finite" });
    return undefined;
  }
  if (Array.isArray(node)) {
    problems.push({
      path,
      code: "filter.notAllowed",
      message: "A list of values is only allowed as the second value of in",
    });
    return undefined;
  }
  if (isClockCall(node, "today")) return temporal(todayOf(clock()), "date", path, problems);
  if (isClockCall(node, "now")) return temporal(nowOf(clock()), "datetime", path, problems);
  const keys = isPlainObject(node) ? Object.keys(node) : [];
  if (keys.length === 1 && keys[0] === "addDays" && isPlainObject(node))
    return resolveAddDays(node.addDays, path, clock, problems);
  const name = keys.length === 1 ? keys[0] : undefined;
  problems.push({
    path,
    code: "filter.notAllowed",
    message:
      name === undefined
        ? `${COMPARE_HINT}; this value is not a text, number, true/false, null, today or now`
        : `${COMPARE_HINT}; \`${name}\` is not allowed here (values can be literals, today, now or addDays)`,
  });
  return undefined;
};

const temporal = (
  value: string | undefined,
  kind: "date" | "datetime",
  path: string,
  problems: RuleProblem[],
): ResolvedValue | undefined => {
  if (value !== undefined) return { value, temporal: kind };
  problems.push({ path, code: "filter.valueType", message: "The clock does not give a valid date" });
  return undefined;
};

const resolveAddDays = (
  args: unknown,
  path: string,
  clock: () => Date,
  problems: RuleProblem[],
): ResolvedValue | undefined => {
  const [base, days] = Array.isArray(args) ? args : [];
  const kind = isClockCall(base, "today") ? "date" : isClockCall(base, "now") ? "datetime" : undefined;
  if (!Array.isArray(args) || args.length !== 2 || kind === undefined) {
    problems.push({
      path: `${path}/addDays`,
      code: "filter.invalidArguments",
      message:
        'In a filter, addDays takes today or now and a whole number of days, like {"addDays": [{"today": []}, -30]}',
    });
    return undefined;
  }
  if (typeof days !== "number" || !Number.isInteger(days) || Math.abs(days) > MAX_DAY_SHIFT) {
    problems.push({
      path: `${path}/addDays/1`,
      code: "filter.valueType",
      message: "addDays needs a whole number of days",
    });
    return undefined;
  }
  const start = kind === "date" ? todayOf(clock()) : nowOf(clock());
  return temporal(start === undefined ? undefined : addDays(start, days), kind, path, problems);
};

const KIND_WORDS: Readonly<Record<FilterField["valueKind"], string>> = {
  string: "text",
  number: "numbers",
  boolean: "true or false",
  date: "dates (YYYY-MM-DD)",
  datetime: "dates with a time (like 2024-05-01T09:30:00Z)",
  time: "times (HH:MM or HH:MM:SS)",
  array: "lists of values (a value is text)",
};

/**
 * Checks a non-null value against the field's kind and returns it in stored form (datetimes in
 * UTC `toISOString()` form; a date given for a datetime field means its midnight UTC).
 */
export const valueForField = (
  resolved: ResolvedValue,
  name: string,
  field: FilterField,
  path: string,
  problems: RuleProblem[],
): string | number | boolean | undefined => {
  const { value } = resolved;
  const refuse = (why?: string): undefined => {
    problems.push({
      path,
      code: "filter.valueType",
      message:
        why ?? `The field "${name}" holds ${KIND_WORDS[field.valueKind]}; ${describe(value)} does not fit`,
    });
    return undefined;
  };
  if (value === null) return refuse();
  switch (field.valueKind) {
    case "number":
      return typeof value === "number" ? value : refuse();
    case "boolean":
      return typeof value === "boolean" ? value : refuse();
    case "string":
    case "array":
      return typeof value === "string" && resolved.temporal === undefined ? value : refuse();
    case "time":
      return typeof value === "string" && TIME.test(value) ? value : refuse();
    case "date":
      if (resolved.temporal === "datetime")
        return refuse(`The field "${name}" holds dates; use today rather than now`);
      return typeof value === "string" && parseDate(value) !== undefined ? value : refuse();
    case "datetime": {
      if (typeof value !== "string") return refuse();
      if (parseDate(value) !== undefined) return `${value}T00:00:00.000Z`;
      const parsed = parseDateTime(value);
      return parsed === undefined ? refuse() : new Date(parsed.instant).toISOString();
    }
  }
};
