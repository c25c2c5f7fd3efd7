import {
  type FieldDefinition,
  type FilterOperator,
  type ObjectDefinition,
  operatorsOf,
  valueKindOf,
} from "@tessera/metadata";
import type { ListTextKey } from "./list-texts.js";

/** The kind of input a filter value of a field is typed into. */
export type ValueInput =
  | "text"
  | "number"
  | "date"
  | "datetime"
  | "time"
  | "boolean"
  | "choice"
  | "reference";

/** Fields the filter bar offers: readable ones a filter can test (not files or locations). */
export const filterableFields = (object: ObjectDefinition): FieldDefinition[] =>
  object.fields.filter((f) => valueKindOf(f) !== "object" && operatorsOf(f).length > 0);

export const valueInputOf = (field: FieldDefinition): ValueInput => {
  switch (field.type) {
    case "picklist":
    case "multiPicklist":
      return "choice";
    case "lookup":
    case "masterDetail":
    case "user":
      return "reference";
    default:
      break;
  }
  switch (valueKindOf(field)) {
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "date":
      return "date";
    case "datetime":
      return "datetime";
    case "time":
      return "time";
    default:
      return "text";
  }
};

const OPERATOR_TEXT: Readonly<Record<FilterOperator, ListTextKey>> = {
  "==": "op.eq",
  "!=": "op.ne",
  "<": "op.lt",
  "<=": "op.le",
  ">": "op.gt",
  ">=": "op.ge",
  between: "op.between",
  in: "op.in",
  contains: "op.contains",
  includes: "op.includes",
  startsWith: "op.startsWith",
  missing: "op.missing",
};

/** Orderings read as time on dates and times ("before", not "less than"). */
const TEMPORAL_TEXT: Partial<Record<FilterOperator, ListTextKey>> = {
  "<": "op.before",
  "<=": "op.onOrBefore",
  ">": "op.after",
  ">=": "op.onOrAfter",
};

/** The name of an operator on a field, as a message key. */
export const operatorText = (field: FieldDefinition, operator: FilterOperator): ListTextKey => {
  const input = valueInputOf(field);
  const temporal = input === "date" || input === "datetime" || input === "time";
  return (temporal ? TEMPORAL_TEXT[operator] : undefined) ?? OPERATOR_TEXT[operator];
};
