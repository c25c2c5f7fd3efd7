import { type FieldDefinition, isPlainObject, type JsonValue } from "@tessera/metadata";
import {
  type ConditionOperator,
  fitsField,
  isListItem,
  NEGATED,
  operatorsFor,
  valueShapeOf,
} from "./operators-by-type.js";

export type Junction = "and" | "or";

/** A value being edited: one value, `[low, high]` for between, or the listed values for in. */
export type RuleValue = string | number | boolean | ReadonlyArray<string | number | undefined>;

/** One "field operator value" row. */
export interface ConditionRule {
  kind: "rule";
  field: string;
  operator: ConditionOperator;
  value?: RuleValue;
}

/** All (`and`) or any (`or`) of its children. */
export interface ConditionGroup {
  kind: "group";
  junction: Junction;
  children: ConditionNode[];
}

/** JsonLogic the builder cannot show as rows, kept exactly as written. */
export interface RawCondition {
  kind: "raw";
  logic: JsonValue;
}

export type ConditionNode = ConditionRule | ConditionGroup | RawCondition;

const COMPARISONS: ReadonlySet<string> = new Set(["==", "!=", "<", "<=", ">", ">="]);

const fieldVar = (name: string): JsonValue => ({ var: name });

const listOf = (value: RuleValue | undefined): Array<string | number | undefined> =>
  Array.isArray(value) ? [...value] : [];

/**
 * The JsonLogic of a rule, in the forms of metadata/src/rules/filter-operator.ts: comparisons
 * field-first, between as `{"<=": [low, field, high]}`, in with a list, contains and includes as
 * `{"in": [value, field]}`, missing with the name, and each negation as `{"!": base}`.
 */
const printRule = ({ field, operator, value }: ConditionRule): JsonValue => {
  const base = NEGATED[operator];
  if (base !== undefined) return { "!": printRule({ kind: "rule", field, operator: base, value }) };
  const single = (Array.isArray(value) ? null : (value ?? null)) as JsonValue;
  switch (operator) {
    case "missing":
      return { missing: [field] };
    case "between": {
      const [low, high] = listOf(value);
      return { "<=": [low ?? null, fieldVar(field), high ?? null] };
    }
    case "in":
      return { in: [fieldVar(field), listOf(value).map((v) => v ?? null)] };
    case "contains":
    case "includes":
      return { in: [single, fieldVar(field)] };
    case "startsWith":
      return { startsWith: [fieldVar(field), single] };
    default:
      return { [operator]: [fieldVar(field), single] };
  }
};

/** The JsonLogic of a condition tree; parseCondition gives the same tree back for any complete one. */
export const printCondition = (node: ConditionNode): JsonValue => {
  switch (node.kind) {
    case "raw":
      return node.logic;
    case "group":
      return { [node.junction]: node.children.map(printCondition) };
    case "rule":
      return printRule(node);
  }
};

/** Whether a rule names a field and has every value its operator needs. */
export const isCompleteRule = (rule: ConditionRule, fields: readonly FieldDefinition[]): boolean => {
  const field = fields.find((f) => f.name === rule.field);
  if (field === undefined || !operatorsFor(field).includes(rule.operator)) return false;
  switch (valueShapeOf(rule.operator)) {
    case "none":
      return true;
    case "range": {
      const list = listOf(rule.value);
      return list.length === 2 && list.every((v) => isListItem(field, v));
    }
    case "list": {
      const list = listOf(rule.value);
      return list.length > 0 && list.every((v) => isListItem(field, v));
    }
    case "single":
      return fitsField(field, rule.value);
  }
};

/** The operation of a one-key object: its name and argument; undefined for anything else. */
const operation = (node: unknown): { name: string; arg: unknown } | undefined => {
  if (!isPlainObject(node)) return undefined;
  const keys = Object.keys(node);
  const [name] = keys;
  return keys.length === 1 && name !== undefined ? { name, arg: node[name] } : undefined;
};

/** The name of `{"var": "name"}` written exactly so (no default, no list form). */
const varName = (node: unknown): string | undefined => {
  const op = operation(node);
  return op?.name === "var" && typeof op.arg === "string" && op.arg !== "" ? op.arg : undefined;
};

/** Reads one rule written in a builder form; undefined when it is not one. */
const readRule = (logic: unknown, fieldOf: (name: string) => FieldDefinition | undefined) => {
  const op = operation(logic);
  if (op === undefined) return undefined;
  const args = op.arg;
  const rule = (field: string, operator: ConditionOperator, value?: RuleValue): ConditionRule =>
    value === undefined ? { kind: "rule", field, operator } : { kind: "rule", field, operator, value };
  if (op.name === "missing") {
    if (!Array.isArray(args) || args.length !== 1 || typeof args[0] !== "string") return undefined;
    return rule(args[0], "missing");
  }
  if (!Array.isArray(args)) return undefined;
  const [a, b, c] = args;
  if (op.name === "<=" && args.length === 3) {
    const name = varName(b);
    if (name === undefined || !isListValue(a) || !isListValue(c)) return undefined;
    return rule(name, "between", [a, c]);
  }
  if (args.length !== 2) return undefined;
  if (COMPARISONS.has(op.name)) {
    const name = varName(a);
    if (name === undefined || !isScalar(b)) return undefined;
    return rule(name, op.name as ConditionOperator, b);
  }
  if (op.name === "startsWith") {
    const name = varName(a);
    return name === undefined || typeof b !== "string" ? undefined : rule(name, "startsWith", b);
  }
  if (op.name !== "in") return undefined;
  const listed = varName(a);
  if (listed !== undefined) {
    return Array.isArray(b) && b.every(isListValue) ? rule(listed, "in", [...b]) : undefined;
  }
  const searched = varName(b);
  if (searched === undefined || typeof a !== "string") return undefined;
  const field = fieldOf(searched);
  const isList = field?.type === "multiPicklist" || (field?.type === "file" && field.multiple === true);
  return rule(searched, isList ? "includes" : "contains", a);
};

const isScalar = (value: unknown): value is string | number | boolean =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean";

const isListValue = (value: unknown): value is string | number =>
  typeof value === "string" || typeof value === "number";

const negate = (rule: ConditionRule | undefined): ConditionRule | undefined => {
  if (rule === undefined) return undefined;
  const negation = (Object.keys(NEGATED) as ConditionOperator[]).find((n) => NEGATED[n] === rule.operator);
  return negation === undefined ? undefined : { ...rule, operator: negation };
};

/**
 * The condition tree of a JsonLogic rule, against the fields it may test. `and`/`or` with at least
 * one condition become groups; a condition written exactly as the builder writes it, on a known
 * field, with an operator its type offers and a complete value, becomes a rule; everything else is
 * a raw node holding the JsonLogic as is. So printCondition(parseCondition(x)) equals x for any x.
 */
export const parseCondition = (logic: JsonValue, fields: readonly FieldDefinition[]): ConditionNode => {
  const fieldOf = (name: string) => fields.find((f) => f.name === name);
  const op = operation(logic);
  if (op !== undefined && (op.name === "and" || op.name === "or")) {
    if (!Array.isArray(op.arg) || op.arg.length === 0) return { kind: "raw", logic };
    return {
      kind: "group",
      junction: op.name,
      children: (op.arg as JsonValue[]).map((child) => parseCondition(child, fields)),
    };
  }
  const rule =
    op?.name === "!" && !Array.isArray(op.arg)
      ? negate(readRule(op.arg, fieldOf))
      : op?.name === "!"
        ? undefined
        : readRule(logic, fieldOf);
  return rule !== undefined && isCompleteRule(rule, fields) ? rule : { kind: "raw", logic };
};

/** The tree without rules still lacking a field or value, and without the groups that leaves empty. */
export const pruneCondition = (
  node: ConditionNode,
  fields: readonly FieldDefinition[],
): ConditionNode | undefined => {
  switch (node.kind) {
    case "raw":
      return node;
    case "rule":
      return isCompleteRule(node, fields) ? node : undefined;
    case "group": {
      const children = node.children
        .map((child) => pruneCondition(child, fields))
        .filter((child): child is ConditionNode => child !== undefined);
      return children.length === 0 ? undefined : { ...node, children };
    }
  }
};

/**
 * What the builder is editing: the top group, and whether that group was added around a single
 * condition (or nothing) by the builder rather than written in the JsonLogic.
 */
export interface ConditionRoot {
  group: ConditionGroup;
  implicit: boolean;
}

/** The editor's root for a condition: its own top group, or an added one around anything else. */
export const rootOf = (logic: JsonValue | undefined, fields: readonly FieldDefinition[]): ConditionRoot => {
  if (logic === undefined) return { group: { kind: "group", junction: "and", children: [] }, implicit: true };
  const node = parseCondition(logic, fields);
  return node.kind === "group"
    ? { group: node, implicit: false }
    : { group: { kind: "group", junction: "and", children: [node] }, implicit: true };
};

/**
 * The JsonLogic the builder emits for its root: complete conditions only, undefined when there is
 * none, and a single condition on its own when the top group was the builder's.
 */
export const emitCondition = (
  root: ConditionRoot,
  fields: readonly FieldDefinition[],
): JsonValue | undefined => {
  const pruned = pruneCondition(root.group, fields);
  if (pruned === undefined || pruned.kind !== "group") return undefined;
  const [only] = pruned.children;
  return root.implicit && pruned.children.length === 1 && only !== undefined
    ? printCondition(only)
    : printCondition(pruned);
};
