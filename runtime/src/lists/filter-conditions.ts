import {
  type FieldDefinition,
  type FilterNode,
  type FilterOperator,
  filterFieldsOf,
  filterToJsonLogic,
  type JsonValue,
  type ObjectDefinition,
  operatorsOf,
  parseFilter,
} from "@tessera/metadata";

export type ConditionScalar = string | number | boolean;

/**
 * One row of the filter bar. `value` is one value for comparisons, contains, includes and
 * startsWith; `[low, high]` for between; the listed values for in; nothing for missing.
 */
export interface FilterCondition {
  field: string;
  operator: FilterOperator;
  value?: ConditionScalar | ReadonlyArray<string | number | undefined>;
}

/** What value input an operator needs. */
export type ValueShape = "none" | "single" | "range" | "list";

export const valueShapeOf = (operator: FilterOperator): ValueShape =>
  operator === "missing" ? "none" : operator === "between" ? "range" : operator === "in" ? "list" : "single";

/** A new row for `field`: its type's first operator; a yes/no field starts at "is no". */
export const startCondition = (field: FieldDefinition): FilterCondition => {
  const operator = operatorsOf(field)[0] ?? "missing";
  return field.type === "boolean" && valueShapeOf(operator) === "single"
    ? { field: field.name, operator, value: false }
    : { field: field.name, operator };
};

/** Another operator keeps the value when it takes the same kind of value. */
export const changeOperator = (condition: FilterCondition, operator: FilterOperator): FilterCondition =>
  valueShapeOf(condition.operator) === valueShapeOf(operator)
    ? { ...condition, operator }
    : { field: condition.field, operator };

const isScalar = (value: unknown): value is ConditionScalar =>
  (typeof value === "string" && value.trim() !== "") ||
  (typeof value === "number" && Number.isFinite(value)) ||
  typeof value === "boolean";

const isListItem = (value: unknown): value is string | number =>
  typeof value !== "boolean" && isScalar(value);

/** The filter node of a complete condition; undefined while it still lacks a value. */
export const conditionToNode = ({ field, operator, value }: FilterCondition): FilterNode | undefined => {
  switch (operator) {
    case "missing":
      return { op: "missing", field };
    case "between": {
      const [low, high] = Array.isArray(value) ? value : [];
      return isListItem(low) && isListItem(high)
        ? { op: "between", field, low, high, lowInclusive: true, highInclusive: true }
        : undefined;
    }
    case "in":
      return Array.isArray(value) && value.length > 0 && value.every(isListItem)
        ? { op: "in", field, values: [...value] }
        : undefined;
    case "contains":
    case "includes":
    case "startsWith":
      return typeof value === "string" && value.trim() !== "" ? { op: operator, field, value } : undefined;
    default:
      return isScalar(value) ? { op: "compare", field, operator, value } : undefined;
  }
};

export const isComplete = (condition: FilterCondition): boolean => conditionToNode(condition) !== undefined;

/** The JsonLogic of the complete conditions, all of which must hold; undefined when there are none. */
export const conditionsToJsonLogic = (conditions: readonly FilterCondition[]): JsonValue | undefined => {
  const nodes = conditions.map(conditionToNode).filter((n): n is FilterNode => n !== undefined);
  if (nodes.length === 0) return undefined;
  const [only] = nodes;
  return filterToJsonLogic(nodes.length === 1 && only !== undefined ? only : { op: "and", children: nodes });
};

const nodeToCondition = (node: FilterNode): FilterCondition | undefined => {
  switch (node.op) {
    case "compare":
      return node.value === null
        ? undefined
        : { field: node.field, operator: node.operator, value: node.value };
    case "between":
      return node.lowInclusive && node.highInclusive
        ? { field: node.field, operator: "between", value: [node.low, node.high] }
        : undefined;
    case "in":
      return { field: node.field, operator: "in", value: [...node.values] };
    case "contains":
    case "includes":
    case "startsWith":
      return { field: node.field, operator: node.op, value: node.value };
    case "missing":
      return { field: node.field, operator: "missing" };
    default:
      return undefined;
  }
};

export type ParsedConditions =
  | { ok: true; conditions: FilterCondition[] }
  | { ok: false; reason: "invalid"; message: string }
  /** A valid filter (from a hand-written link) the bar's rows cannot show, such as an `or`. */
  | { ok: false; reason: "custom" };

/**
 * Reads a filter (a list's URL `filter`) back into filter bar rows. The filter is checked with the
 * same parser the server uses, against the fields the user may read.
 */
export const jsonLogicToConditions = (object: ObjectDefinition, logic: unknown): ParsedConditions => {
  const parsed = parseFilter(logic, filterFieldsOf(object));
  if (!parsed.ok) {
    return { ok: false, reason: "invalid", message: parsed.problems.map((p) => p.message).join("; ") };
  }
  const nodes = parsed.filter.op === "and" ? parsed.filter.children : [parsed.filter];
  const conditions = nodes.map(nodeToCondition);
  return conditions.every((c): c is FilterCondition => c !== undefined)
    ? { ok: true, conditions }
    : { ok: false, reason: "custom" };
};

/** Every part that must hold, as one JsonLogic filter; undefined when nothing narrows the list. */
export const allOf = (...parts: ReadonlyArray<JsonValue | undefined>): JsonValue | undefined => {
  const present = parts.filter((p): p is JsonValue => p !== undefined);
  const [only] = present;
  if (present.length <= 1) return only;
  return { and: present };
};
