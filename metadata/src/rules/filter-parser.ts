import { escapePointerToken } from "../issues/metadata-issue.js";
import { isPlainObject } from "../json/json-types.js";
import type { RuleProblem } from "./check-rule.js";
import type { FilterField, FilterNode } from "./filter-node.js";
import type { FilterOperator } from "./filter-operator.js";
import { FORBIDDEN_SEGMENTS } from "./read-path.js";

/** State and shared steps of one `parseFilter` run. */
export interface Parser {
  readonly resolveField: (name: string) => FilterField | undefined;
  readonly clock: () => Date;
  readonly problems: RuleProblem[];
  conditions: number;
}

export interface FieldRef {
  name: string;
  field: FilterField;
  path: string;
}

export const child = (path: string, token: string | number): string => `${path}/${escapePointerToken(token)}`;

export const refuse = (p: Parser, path: string, code: string, message: string): undefined => {
  p.problems.push({ path, code, message });
  return undefined;
};

/** The single key of an operation object, or undefined. */
export const operationName = (node: unknown): string | undefined => {
  if (!isPlainObject(node)) return undefined;
  const keys = Object.keys(node);
  return keys.length === 1 ? keys[0] : undefined;
};

export const isVar = (node: unknown): boolean => operationName(node) === "var";

/** Arguments of an operation written as a list; a lone argument counts as a list of one. */
export const argumentsOf = (node: Record<string, unknown>, name: string, path: string) => {
  const values = node[name];
  const list: readonly unknown[] = Array.isArray(values) ? values : [values];
  const at = (i: number): string => (Array.isArray(values) ? child(child(path, name), i) : child(path, name));
  return { list, at };
};

/** `{"var": "name"}` or `{"var": ["name"]}` naming a field the filter may use. */
export const fieldRef = (p: Parser, node: unknown, path: string): FieldRef | undefined => {
  if (!isVar(node))
    return refuse(p, path, "filter.invalidArguments", 'A field is written {"var": "fieldName"}');
  const values = (node as Record<string, unknown>).var;
  const list = Array.isArray(values) ? values : [values];
  const name = list[0];
  if (list.length > 1) {
    return refuse(
      p,
      child(path, "var"),
      "filter.invalidArguments",
      "A field in a filter cannot have a default value",
    );
  }
  if (typeof name !== "string" || name === "") {
    return refuse(
      p,
      child(path, "var"),
      "filter.invalidArguments",
      'A field is written {"var": "fieldName"}',
    );
  }
  return resolve(p, name, path);
};

export const resolve = (p: Parser, name: string, path: string): FieldRef | undefined => {
  const unsafe = name.split(".").some((segment) => FORBIDDEN_SEGMENTS.has(segment));
  const field = unsafe ? undefined : p.resolveField(name);
  if (field === undefined) return refuse(p, path, "filter.unknownField", `Unknown field "${name}"`);
  return { name, field, path };
};

/** Refuses an operator the field's type does not list. */
export const supports = (p: Parser, ref: FieldRef, operator: FilterOperator, path: string): boolean => {
  if (ref.field.operators.includes(operator)) return true;
  const allowed = ref.field.operators.length > 0 ? ` (it allows ${ref.field.operators.join(", ")})` : "";
  refuse(
    p,
    path,
    "filter.operatorNotSupported",
    `The field "${ref.name}" cannot be filtered with ${operator}${allowed}`,
  );
  return false;
};

export const condition = <N extends FilterNode>(p: Parser, node: N): N => {
  p.conditions += 1;
  return node;
};

/** The arguments of an operation and the JSON pointer of each. */
export type Args = ReturnType<typeof argumentsOf>;
