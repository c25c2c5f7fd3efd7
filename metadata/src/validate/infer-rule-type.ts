import { isPlainObject } from "../json/json-types.js";

/** What a rule evaluates to, as far as can be told without data. */
export type InferredType = "number" | "text" | "boolean" | "date" | "datetime" | "array" | "unknown";

const BOOLEAN_OPS = new Set([
  "==",
  "===",
  "!=",
  "!==",
  "<",
  "<=",
  ">",
  ">=",
  "!",
  "!!",
  "in",
  "all",
  "some",
  "none",
  "startsWith",
  "endsWith",
]);
const NUMBER_OPS = new Set(["+", "-", "*", "/", "%", "min", "max", "round", "abs", "len", "daysBetween"]);
const TEXT_OPS = new Set(["cat", "substr", "lower", "upper", "trim"]);
const ARRAY_OPS = new Set(["merge", "map", "filter", "missing", "missing_some"]);

const literalType = (value: unknown): InferredType => {
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "string") {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return "date";
    return "text";
  }
  if (Array.isArray(value)) return "array";
  return "unknown";
};

const unify = (types: InferredType[]): InferredType => {
  const distinct = [...new Set(types)];
  return distinct.length === 1 ? (distinct[0] ?? "unknown") : "unknown";
};

/**
 * Infers the result type of a JsonLogic rule. `fieldType` maps a var path to the type of the
 * value it reads. "unknown" means undecidable: callers only report definite mismatches.
 */
export const inferRuleType = (rule: unknown, fieldType: (path: string) => InferredType): InferredType => {
  if (!isPlainObject(rule)) return literalType(rule);
  const [op] = Object.keys(rule);
  if (op === undefined || Object.keys(rule).length !== 1) return "unknown";
  const args = rule[op];
  const list = Array.isArray(args) ? args : [args];
  if (op === "var") return typeof list[0] === "string" ? fieldType(list[0]) : "unknown";
  if (BOOLEAN_OPS.has(op)) return "boolean";
  if (NUMBER_OPS.has(op)) return "number";
  if (TEXT_OPS.has(op)) return "text";
  if (ARRAY_OPS.has(op)) return "array";
  if (op === "today") return "date";
  if (op === "now") return "datetime";
  if (op === "addDays") return inferRuleType(list[0], fieldType);
  if (op === "if" || op === "?:") {
    const branches = list.filter((_, i) => i % 2 === 1 || i === list.length - 1);
    return unify(branches.map((b) => inferRuleType(b, fieldType)));
  }
  if (op === "and" || op === "or") return unify(list.map((a) => inferRuleType(a, fieldType)));
  return "unknown";
};
