import type { FieldDefinition } from "@tessera/metadata";
import type { ConditionTextKey } from "./conditions-texts.js";
import { type ConditionOperator, valueInputOf } from "./operators-by-type.js";

const OPERATOR_TEXT: Readonly<Record<ConditionOperator, ConditionTextKey>> = {
  "==": "op.eq",
  "!=": "op.ne",
  "<": "op.lt",
  "<=": "op.le",
  ">": "op.gt",
  ">=": "op.ge",
  between: "op.between",
  in: "op.in",
  notIn: "op.notIn",
  contains: "op.contains",
  notContains: "op.notContains",
  includes: "op.includes",
  notIncludes: "op.notIncludes",
  startsWith: "op.startsWith",
  missing: "op.missing",
  notMissing: "op.notMissing",
};

/** Orderings read as time on dates and times ("before", not "less than"). */
const TEMPORAL_TEXT: Readonly<Partial<Record<ConditionOperator, ConditionTextKey>>> = {
  "<": "op.before",
  "<=": "op.onOrBefore",
  ">": "op.after",
  ">=": "op.onOrAfter",
};

/** The message key naming `operator` on `field`. */
export const operatorTextKey = (
  field: FieldDefinition | undefined,
  operator: ConditionOperator,
): ConditionTextKey => {
  const input = field === undefined ? "text" : valueInputOf(field);
  const temporal = input === "date" || input === "datetime" || input === "time";
  return (temporal ? TEMPORAL_TEXT[operator] : undefined) ?? OPERATOR_TEXT[operator];
};
