import { escapePointerToken } from "../issues/metadata-issue.js";
import { isPlainObject } from "../json/json-types.js";
import { isKnownOperator, REFUSED_OPERATORS } from "./operator-names.js";
import { FORBIDDEN_SEGMENTS } from "./read-path.js";

/** A problem in a rule: `path` is a JSON pointer inside the rule, `message` is for a business admin. */
export interface RuleProblem {
  path: string;
  code: string;
  message: string;
}

export interface RuleLimits {
  /** Deepest nesting of operations and lists (default 32). */
  maxDepth?: number;
  /** Most values in the rule, counting every operation, list and literal (default 2000). */
  maxNodes?: number;
}

export const RULE_MAX_DEPTH = 32;
export const RULE_MAX_NODES = 2000;

const isJsonScalar = (value: unknown): boolean =>
  value === null ||
  typeof value === "string" ||
  typeof value === "boolean" ||
  (typeof value === "number" && Number.isFinite(value));

const isJsonObject = (value: unknown): value is Record<string, unknown> => {
  if (!isPlainObject(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

interface Walk {
  readonly maxDepth: number;
  readonly maxNodes: number;
  nodes: number;
  tooLarge: boolean;
  readonly problems: RuleProblem[];
}

const report = (walk: Walk, path: string, code: string, message: string): void => {
  walk.problems.push({ path, code, message });
};

/** Checks the name list of `missing` / `missing_some` when it is written out. */
const checkNames = (walk: Walk, names: unknown, path: string): void => {
  if (typeof names === "string") checkPath(walk, names, path);
  else if (Array.isArray(names)) {
    for (const [i, name] of names.entries())
      if (typeof name === "string") checkPath(walk, name, `${path}/${i}`);
  }
};

const checkPath = (walk: Walk, path: string, at: string): void => {
  const forbidden = path.split(".").find((segment) => FORBIDDEN_SEGMENTS.has(segment));
  if (forbidden !== undefined) {
    report(walk, at, "rule.forbiddenField", `"${forbidden}" cannot be used in a field name`);
  }
};

const checkVar = (walk: Walk, values: unknown, at: string): void => {
  const list = Array.isArray(values) ? values : [values];
  const pathAt = Array.isArray(values) ? `${at}/0` : at;
  const [path] = list;
  if (list.length === 0 || list.length > 2 || (typeof path !== "string" && typeof path !== "number")) {
    report(
      walk,
      list.length === 0 || list.length > 2 ? at : pathAt,
      "rule.invalidFieldReference",
      'A field reference names one field, like {"var": "amount"} or {"var": ["amount", 0]} with a default',
    );
    return;
  }
  if (typeof path === "string") checkPath(walk, path, pathAt);
};

const visit = (walk: Walk, node: unknown, path: string, depth: number): void => {
  if (walk.tooLarge) return;
  walk.nodes += 1;
  if (walk.nodes > walk.maxNodes) {
    walk.tooLarge = true;
    report(walk, "", "rule.tooLarge", `A rule can have at most ${walk.maxNodes} parts; this one has more`);
    return;
  }
  if (isJsonScalar(node)) return;
  const isArray = Array.isArray(node);
  if (!isArray && !isJsonObject(node)) {
    report(
      walk,
      path,
      "rule.notJson",
      "Rules can contain only text, numbers, true/false, null, lists and operations",
    );
    return;
  }
  if (depth > walk.maxDepth) {
    report(walk, path, "rule.tooDeep", `Rules can be nested at most ${walk.maxDepth} levels deep`);
    return;
  }
  if (isArray) {
    for (const [i, item] of node.entries()) visit(walk, item, `${path}/${i}`, depth + 1);
    return;
  }
  const object = node as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length === 0) return;
  if (keys.length > 1) {
    const names = keys.map((k) => `"${k}"`).join(", ");
    report(
      walk,
      path,
      "rule.multipleOperations",
      `Each step of a rule must be one operation, but this one has ${keys.length}: ${names}`,
    );
    return;
  }
  const name = keys[0] ?? "";
  const at = `${path}/${escapePointerToken(name)}`;
  if (REFUSED_OPERATORS.has(name)) {
    report(walk, path, "rule.operatorNotAllowed", `The "${name}" operation is not allowed in rules`);
    return;
  }
  if (!isKnownOperator(name)) {
    report(walk, path, "rule.unknownOperator", `Unknown operation "${name}"`);
    return;
  }
  const values = object[name];
  if (name === "var") checkVar(walk, values, at);
  if (name === "missing") {
    const listed = Array.isArray(values) && Array.isArray(values[0]);
    checkNames(walk, listed ? values[0] : values, listed ? `${at}/0` : at);
  }
  if (name === "missing_some" && Array.isArray(values)) checkNames(walk, values[1], `${at}/1`);
  if (Array.isArray(values))
    for (const [i, arg] of values.entries()) visit(walk, arg, `${at}/${i}`, depth + 1);
  else visit(walk, values, at, depth + 1);
};

/**
 * Checks a rule before it is saved: only known operations (never `log`), one operation per object,
 * field references that name a field (never `__proto__`, `constructor` or `prototype`), and within
 * size limits. Returns every problem found, each with its JSON pointer inside the rule.
 */
export const checkRule = (rule: unknown, limits: RuleLimits = {}): RuleProblem[] => {
  const walk: Walk = {
    maxDepth: limits.maxDepth ?? RULE_MAX_DEPTH,
    maxNodes: limits.maxNodes ?? RULE_MAX_NODES,
    nodes: 0,
    tooLarge: false,
    problems: [],
  };
  visit(walk, rule, "", 1);
  return walk.problems;
};
