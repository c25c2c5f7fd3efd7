import { isPlainObject } from "../json/json-types.js";
import { ITERATION_OPERATORS } from "./operator-names.js";

/** A rule node as the analysis walks it: one key is an operation, its value the argument list. */
const operationOf = (node: unknown): { name: string; args: readonly unknown[] } | undefined => {
  if (!isPlainObject(node)) return undefined;
  const keys = Object.keys(node);
  if (keys.length !== 1) return undefined;
  const name = keys[0] ?? "";
  const values = node[name];
  return { name, args: Array.isArray(values) ? values : [values] };
};

const isLiteralName = (value: unknown): value is string | number =>
  (typeof value === "string" && value !== "") || typeof value === "number";

/**
 * The literal strings a computed key list can produce: literals, arrays of them, `merge` of them and
 * the branches of `if`. Enough for the common `{"missing": {"merge": ["a", {"if": [c, ["b"], []]}]}}`.
 */
const possibleNames = (node: unknown, out: Set<string>): void => {
  if (isLiteralName(node)) {
    out.add(String(node));
    return;
  }
  if (Array.isArray(node)) {
    for (const item of node) possibleNames(item, out);
    return;
  }
  const op = operationOf(node);
  if (op === undefined) return;
  if (op.name === "merge") for (const arg of op.args) possibleNames(arg, out);
  if (op.name === "if" || op.name === "?:") {
    op.args.forEach((arg, i) => {
      if (i % 2 === 1 || i === op.args.length - 1) possibleNames(arg, out);
    });
  }
};

/** Adds the field names a `missing` key list names, and walks any computed part of it. */
const addKeyList = (keys: unknown, out: Set<string>, pending: unknown[]): void => {
  const list = Array.isArray(keys) ? keys : [keys];
  for (const key of list) {
    if (isLiteralName(key)) out.add(String(key));
    else if (typeof key === "object" && key !== null) {
      possibleNames(key, out);
      pending.push(key);
    }
  }
};

/**
 * Sorted, unique `var` paths a rule reads from its data (`{"var": "account.name"}` reads
 * "account.name"), plus the names `missing` and `missing_some` test. The bodies of map, filter,
 * reduce, all, some and none read the current item, not fields, and `{"var": ""}` is the whole
 * data: neither is a field. A path computed at run time cannot be known; its inputs are reported.
 */
export const fieldsRead = (rule: unknown): string[] => {
  const out = new Set<string>();
  // An explicit stack: rules are data and may be nested deeper than the call stack allows.
  const pending: unknown[] = [rule];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      for (const item of node) pending.push(item);
      continue;
    }
    const op = operationOf(node);
    if (op === undefined) continue;
    const { name, args } = op;
    if (name === "var") {
      const [path, ...rest] = args;
      if (isLiteralName(path)) out.add(String(path));
      else pending.push(path);
      for (const arg of rest) pending.push(arg);
    } else if (name === "missing") {
      addKeyList(Array.isArray(args[0]) ? args[0] : args, out, pending);
    } else if (name === "missing_some") {
      pending.push(args[0]);
      addKeyList(args[1], out, pending);
    } else if (ITERATION_OPERATORS.has(name)) {
      pending.push(args[0]);
      if (name === "reduce") pending.push(args[2]);
    } else {
      for (const arg of args) pending.push(arg);
    }
  }
  return [...out].sort();
};

/** The first segment of every path `fieldsRead` finds, sorted and unique: what formula ordering needs. */
export const rootFieldsRead = (rule: unknown): string[] =>
  [...new Set(fieldsRead(rule).map((path) => path.split(".")[0] ?? path))].sort();
