import { type FieldDefinition, type FilterOperator, operatorsOf } from "@tessera/metadata";
import { valueInputOf } from "@tessera/runtime";

// The kind of input a value is typed into: the runtime's filter bar decides it the same way.
export { type ValueInput, valueInputOf } from "@tessera/runtime";

/**
 * The operators the condition builder offers: the metadata's filter operators, plus the negations
 * an admin expects next to them ("is not one of", "does not contain", "is not empty"). Each
 * negation is written `{"!": <its base>}`, which the storable filter subset also accepts.
 */
export type ConditionOperator = FilterOperator | "notIn" | "notContains" | "notIncludes" | "notMissing";

/** The negations and the filter operator each negates. */
export const NEGATED: Readonly<Partial<Record<ConditionOperator, FilterOperator>>> = {
  notIn: "in",
  notContains: "contains",
  notIncludes: "includes",
  notMissing: "missing",
};

const NEGATION_OF: Readonly<Partial<Record<FilterOperator, ConditionOperator>>> = {
  in: "notIn",
  contains: "notContains",
  includes: "notIncludes",
  missing: "notMissing",
};

/** The builder's operators for a field, in the order its type lists them, each negation after its base. */
export const operatorsFor = (field: FieldDefinition): ConditionOperator[] =>
  operatorsOf(field).flatMap((operator): ConditionOperator[] => {
    const negation = NEGATION_OF[operator];
    return negation === undefined ? [operator] : [operator, negation];
  });

/** The fields a condition can test: those whose type offers at least one operator. */
export const conditionFields = (fields: readonly FieldDefinition[]): FieldDefinition[] =>
  fields.filter((field) => operatorsOf(field).length > 0);

/** What value an operator takes: none, one, a low and a high, or a list. */
export type ValueShape = "none" | "single" | "range" | "list";

export const valueShapeOf = (operator: ConditionOperator): ValueShape => {
  switch (operator) {
    case "missing":
    case "notMissing":
      return "none";
    case "between":
      return "range";
    case "in":
    case "notIn":
      return "list";
    default:
      return "single";
  }
};

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Whether `value` is a complete value of `field` as its input would produce it: a finite number, a
 * yes/no, a date, date and time or time in ISO form, or non-blank text. A value that does not fit is
 * one the builder could not show in its input, so the condition holding it stays raw JSON.
 */
export const fitsField = (field: FieldDefinition, value: unknown): value is string | number | boolean => {
  switch (valueInputOf(field)) {
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "date":
      return typeof value === "string" && DATE.test(value);
    case "datetime":
      return typeof value === "string" && DATETIME.test(value) && !Number.isNaN(Date.parse(value));
    case "time":
      return typeof value === "string" && TIME.test(value);
    default:
      return typeof value === "string" && value.trim() !== "";
  }
};

/** Whether the field's values can be ordered (a range's ends must not be yes/no). */
export const isListItem = (field: FieldDefinition, value: unknown): value is string | number =>
  typeof value !== "boolean" && fitsField(field, value);
