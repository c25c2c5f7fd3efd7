import type { FilterOperator } from "../rules/filter-operator.js";

/** Operators shared by families of field types; each type lists one of these sets. */
export const TEXT_OPERATORS = [
  "==",
  "!=",
  "in",
  "contains",
  "startsWith",
  "missing",
] as const satisfies readonly FilterOperator[];

export const RICH_TEXT_OPERATORS = ["contains", "missing"] as const satisfies readonly FilterOperator[];

export const NUMERIC_OPERATORS = [
  "==",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "between",
  "in",
  "missing",
] as const satisfies readonly FilterOperator[];

export const BOOLEAN_OPERATORS = ["==", "!=", "missing"] as const satisfies readonly FilterOperator[];

/** Dates, datetimes and times: ordered, but `in` on instants is rarely meant and not offered. */
export const TEMPORAL_OPERATORS = [
  "==",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "between",
  "missing",
] as const satisfies readonly FilterOperator[];

export const CHOICE_OPERATORS = ["==", "!=", "in", "missing"] as const satisfies readonly FilterOperator[];

export const MULTI_CHOICE_OPERATORS = ["includes", "missing"] as const satisfies readonly FilterOperator[];

export const REFERENCE_OPERATORS = ["==", "!=", "in", "missing"] as const satisfies readonly FilterOperator[];

export const PRESENCE_OPERATORS = ["missing"] as const satisfies readonly FilterOperator[];
