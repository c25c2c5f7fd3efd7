import { pointer } from "../issues/metadata-issue.js";
import type { JsonValue } from "../json/json-types.js";
import { iterate } from "./iterate.js";
import { truthy } from "./js-coercion.js";
import { OPERATIONS } from "./operations.js";
import { missingKeys, missingSome, readVar } from "./read-path.js";
import { operatorError, stringTooLong, tooDeep, tooManyOperations } from "./rule-failures.js";
import { type RuleOptions, type RuleSettings, ruleSettings } from "./rule-options.js";

/** One evaluation: its settings, the operations spent, and the JSON-pointer tokens of the current node. */
interface Run {
  readonly settings: RuleSettings;
  operations: number;
  readonly tokens: Array<string | number>;
}

/** An operation node being evaluated: its name, its value as written, and that value as a list. */
interface Operation {
  readonly name: string;
  readonly values: unknown;
  readonly args: readonly unknown[];
  readonly depth: number;
}

const spend = (run: Run, count: number): void => {
  run.operations += count;
  if (run.operations > run.settings.maxOperations) {
    throw tooManyOperations(run.settings.maxOperations, pointer(...run.tokens));
  }
};

const evaluateNode = (run: Run, node: unknown, data: unknown, depth: number): unknown => {
  if (typeof node !== "object" || node === null) return node;
  if (Array.isArray(node)) {
    if (depth > run.settings.maxDepth) throw tooDeep(run.settings.maxDepth, pointer(...run.tokens));
    const items: unknown[] = new Array(node.length);
    for (let i = 0; i < node.length; i += 1) {
      run.tokens.push(i);
      items[i] = evaluateNode(run, node[i], data, depth + 1);
      run.tokens.pop();
    }
    return items;
  }
  const keys = Object.keys(node);
  // json-logic-js: an object is an operation only with exactly one key; any other object is a value.
  if (keys.length !== 1) return node;
  if (depth > run.settings.maxDepth) throw tooDeep(run.settings.maxDepth, pointer(...run.tokens));
  spend(run, 1);
  const name = keys[0] as string;
  const values = (node as Record<string, unknown>)[name];
  const args: readonly unknown[] = Array.isArray(values) ? values : [values];
  return evaluateOperation(run, { name, values, args, depth }, data);
};

/** Argument `i` of `op` evaluated against `scope` (undefined when absent, as in json-logic-js). */
const argument = (run: Run, op: Operation, i: number, scope: unknown): unknown => {
  if (i >= op.args.length) return undefined;
  const node = op.args[i];
  if (typeof node !== "object" || node === null) return node;
  run.tokens.push(op.name);
  if (op.values === op.args) run.tokens.push(i);
  const value = evaluateNode(run, node, scope, op.depth + 1);
  if (op.values === op.args) run.tokens.pop();
  run.tokens.pop();
  return value;
};

const evaluateOperation = (run: Run, op: Operation, data: unknown): unknown => {
  const { name, args } = op;
  switch (name) {
    case "if":
    case "?:": {
      let i = 0;
      for (; i < args.length - 1; i += 2)
        if (truthy(argument(run, op, i, data))) return argument(run, op, i + 1, data);
      return args.length === i + 1 ? argument(run, op, i, data) : null;
    }
    case "and":
    case "or": {
      let current: unknown = null;
      for (let i = 0; i < args.length; i += 1) {
        current = argument(run, op, i, data);
        if (truthy(current) === (name === "or")) return current;
      }
      return current;
    }
    case "map":
    case "filter":
    case "all":
    case "some":
    case "none": {
      const items = argument(run, op, 0, data);
      const body = (item: unknown): unknown => {
        spend(run, 1);
        return args.length > 1 ? argument(run, op, 1, item === undefined ? null : item) : null;
      };
      return iterate(name, items, body);
    }
    case "reduce": {
      const items = argument(run, op, 0, data);
      const initial = args[2] !== undefined ? argument(run, op, 2, data) : null;
      if (!Array.isArray(items)) return initial;
      let accumulator = initial;
      for (const item of items) {
        spend(run, 1);
        const scope = { current: item === undefined ? null : item, accumulator };
        accumulator = args.length > 1 ? argument(run, op, 1, scope) : null;
      }
      return accumulator;
    }
  }
  const values: unknown[] = new Array(args.length);
  for (let i = 0; i < args.length; i += 1) values[i] = argument(run, op, i, data);
  return applyOperation(run, name, values, data);
};

const applyOperation = (run: Run, name: string, values: readonly unknown[], data: unknown): unknown => {
  switch (name) {
    case "var":
      return readVar(data, values[0], values[1]);
    case "missing":
      return missingKeys(data, values);
    case "missing_some":
      return missingSome(data, values[0], values[1]);
  }
  const operation = OPERATIONS.get(name);
  if (operation === undefined) throw operatorError(name, pointer(...run.tokens));
  const result = operation(values, run.settings.now);
  if (name === "merge") spend(run, (result as unknown[]).length);
  if (name === "cat" && (result as string).length > run.settings.maxStringLength) {
    throw stringTooLong(run.settings.maxStringLength, pointer(...run.tokens));
  }
  return result;
};

/**
 * Evaluates a JsonLogic rule against `data` with json-logic-js semantics, reading only own
 * properties of plain data and within the depth and operation budgets of `options`. An unknown
 * operator or a budget overrun throws a `RuleError` when evaluation reaches it.
 */
export const evaluateRule = (rule: unknown, data?: unknown, options?: RuleOptions): JsonValue => {
  const run: Run = { settings: ruleSettings(options), operations: 0, tokens: [] };
  const value = evaluateNode(run, rule, data === undefined ? null : data, 1);
  return (value === undefined ? null : value) as JsonValue;
};
