import type { FilterField } from "../../../metadata/src/rules/filter-node.js";

/** The fields of a test object, as a filter sees them. */
export const FIELDS: Readonly<Record<string, FilterField>> = {
  name: {
    type: "text",
    operators: ["==", "!=", "in", "contains", "startsWith", "missing"],
    valueKind: "string",
  },
  "account.name": {
    type: "text",
    operators: ["==", "!=", "in", "contains", "startsWith", "missing"],
    valueKind: "string",
  },
  stage: { type: "picklist", operators: ["==", "!=", "in", "missing"], valueKind: "string" },
  amount: {
    type: "currency",
    operators: ["==", "!=", "<", "<=", ">", ">=", "between", "in", "missing"],
    valueKind: "number",
  },
  closed: { type: "boolean", operators: ["==", "!=", "missing"], valueKind: "boolean" },
  closeDate: {
    type: "date",
    operators: ["==", "!=", "<", "<=", ">", ">=", "between", "missing"],
    valueKind: "date",
  },
  createdAt: {
    type: "datetime",
    operators: ["==", "!=", "<", "<=", ">", ">=", "between", "missing"],
    valueKind: "datetime",
  },
  opensAt: {
    type: "time",
    operators: ["==", "!=", "<", "<=", ">", ">=", "between", "missing"],
    valueKind: "time",
  },
  tags: { type: "multiPicklist", operators: ["includes", "missing"], valueKind: "array" },
  notes: { type: "richText", operators: ["contains", "missing"], valueKind: "string" },
};

export const resolveField = (name: string): FilterField | undefined =>
  Object.hasOwn(FIELDS, name) ? FIELDS[name] : undefined;

/** 2024-05-01T10:00:00Z, so today is 2024-05-01. */
export const clock = { now: () => new Date("2024-05-01T10:00:00.000Z") };
