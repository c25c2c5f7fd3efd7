import { isPlainObject } from "../json/json-types.js";
import type { FilterField, FilterNode, FilterParse, FilterParseOptions } from "./filter-node.js";
import {
  type Args,
  argumentsOf,
  child,
  condition,
  isVar,
  operationName,
  type Parser,
  refuse,
} from "./filter-parser.js";
import {
  COMPARISONS,
  parseBetween,
  parseComparison,
  parseIn,
  parseMissing,
  parseNotMissing,
  parseStartsWith,
} from "./parse-filter-conditions.js";

const MAX_DEPTH = 32;
const MAX_CONDITIONS = 100;

const ALLOWED =
  "Filters can combine conditions with and, or and !, and test fields with ==, !=, <, <=, >, >=, in, startsWith, missing and !!";

const parseNode = (p: Parser, node: unknown, path: string, depth: number): FilterNode | undefined => {
  if (node === true) return condition(p, { op: "true" });
  const name = operationName(node);
  if (name === undefined || !isPlainObject(node)) {
    const why =
      isPlainObject(node) && Object.keys(node).length > 1
        ? "each condition must be one operation"
        : "this is not a condition";
    return refuse(p, path, "filter.notAllowed", `${ALLOWED}; ${why}`);
  }
  if (depth > MAX_DEPTH)
    return refuse(p, path, "filter.tooDeep", `Filters can be nested at most ${MAX_DEPTH} levels deep`);
  const args = argumentsOf(node, name, path);
  switch (name) {
    case "and":
    case "or":
      return parseJunction(p, name, node[name], child(path, name), depth);
    case "!":
      return parseNot(p, args, path, depth);
    case "!!":
      return parseNotMissing(p, args);
    case "in":
      return parseIn(p, args, path);
    case "startsWith":
      return parseStartsWith(p, args, path);
    case "missing":
      return parseMissing(p, args, path);
  }
  const operator = COMPARISONS.get(name);
  if (operator === undefined)
    return refuse(p, path, "filter.notAllowed", `${ALLOWED}; \`${name}\` is not allowed here`);
  if (args.list.length === 3 && (name === "<" || name === "<=")) return parseBetween(p, name, args, path);
  if (args.list.length !== 2) {
    return refuse(
      p,
      path,
      "filter.invalidArguments",
      `${name} compares a field with one value, like {"${name}": [{"var": "amount"}, 100]}`,
    );
  }
  return parseComparison(p, operator, args, path);
};

const parseJunction = (
  p: Parser,
  name: "and" | "or",
  values: unknown,
  path: string,
  depth: number,
): FilterNode | undefined => {
  if (!Array.isArray(values) || values.length === 0) {
    return refuse(p, path, "filter.invalidArguments", `${name} takes a list of at least one condition`);
  }
  const children = values.map((item, i) => parseNode(p, item, child(path, i), depth + 1));
  if (children.some((c) => c === undefined)) return undefined;
  return { op: name, children: children as FilterNode[] };
};

const parseNot = (p: Parser, args: Args, path: string, depth: number): FilterNode | undefined => {
  if (args.list.length !== 1) return refuse(p, path, "filter.invalidArguments", "! takes one condition");
  const inner = args.list[0];
  if (isVar(inner)) {
    return refuse(
      p,
      args.at(0),
      "filter.notAllowed",
      'To find records where a field is empty, use {"missing": ["fieldName"]}',
    );
  }
  const parsed = parseNode(p, inner, args.at(0), depth + 1);
  return parsed === undefined ? undefined : { op: "not", child: parsed };
};

export const parseFilter = (
  rule: unknown,
  resolveField: (name: string) => FilterField | undefined,
  options: FilterParseOptions = {},
): FilterParse => {
  const p: Parser = { resolveField, clock: options.now ?? (() => new Date()), problems: [], conditions: 0 };
  const filter = parseNode(p, rule, "", 1);
  const maxConditions = options.maxConditions ?? MAX_CONDITIONS;
  if (p.conditions > maxConditions) {
    p.problems.push({
      path: "",
      code: "filter.tooManyConditions",
      message: `A filter can have at most ${maxConditions} conditions; this one has ${p.conditions}`,
    });
  }
  if (filter === undefined || p.problems.length > 0) return { ok: false, problems: p.problems };
  return { ok: true, filter };
};
