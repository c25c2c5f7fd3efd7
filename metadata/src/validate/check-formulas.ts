import { formulaCycles } from "../compile/formula-order.js";
import { isSystemField } from "../fields/field-base.js";
import type { FieldDefinition } from "../fields/registry.js";
import type { FormulaReturnType } from "../fields/types/formula.js";
import { type MetadataIssue, pointer } from "../issues/metadata-issue.js";
import type { ObjectDefinition } from "../kinds/object.js";
import { type InferredType, inferRuleType } from "./infer-rule-type.js";

/** A formula cycle is reported once, on the first field of the cycle. */
export const checkFormulaCycles = (object: ObjectDefinition, document: string): MetadataIssue[] =>
  formulaCycles(object).map((cycle) => {
    const first = cycle[0] ?? "";
    const index = object.fields.findIndex((f) => f.name === first);
    return {
      document,
      path: pointer("fields", index, "expression"),
      code: "formula.cycle",
      message: `Formulas depend on each other in a circle: ${cycle.join(" -> ")}. Break the circle so each can be computed.`,
    };
  });

const SYSTEM_FIELD_TYPES: Record<string, InferredType> = {
  id: "text",
  version: "number",
  ownerId: "text",
  createdBy: "text",
  updatedBy: "text",
  tenant: "text",
  createdAt: "datetime",
  updatedAt: "datetime",
};

const typeOfField = (field: FieldDefinition): InferredType => {
  switch (field.type) {
    case "number":
    case "currency":
    case "percent":
    case "rollupSummary":
      return "number";
    case "boolean":
      return "boolean";
    case "date":
      return "date";
    case "datetime":
      return "datetime";
    case "multiPicklist":
      return "array";
    case "formula":
      return typeOfReturn(field.returnType);
    case "geolocation":
    case "file":
      return "unknown";
    default:
      return "text";
  }
};

const typeOfReturn = (returnType: string): InferredType =>
  returnType === "currency" || returnType === "percent" ? "number" : (returnType as InferredType);

/** Returns a resolver of var paths to value types, for the rule type inference. */
export const fieldTypeResolver = (object: ObjectDefinition) => {
  const byName = new Map(object.fields.map((f) => [f.name, f]));
  return (path: string): InferredType => {
    const field = byName.get(path);
    if (field !== undefined) return typeOfField(field);
    return isSystemField(path) ? (SYSTEM_FIELD_TYPES[path] ?? "unknown") : "unknown";
  };
};

const TYPE_WORDS: Record<InferredType, string> = {
  number: "a number",
  text: "text",
  boolean: "true/false",
  date: "a date",
  datetime: "a date and time",
  array: "a list",
  unknown: "a value",
};

const RETURN_TYPE_WORDS: Record<FormulaReturnType, string> = {
  text: "text",
  number: "a number",
  currency: "a currency amount",
  percent: "a percentage",
  boolean: "true/false",
  date: "a date",
  datetime: "a date and time",
};

/** A formula whose expression certainly yields another type than its declared return type. */
export const checkFormulaReturnTypes = (object: ObjectDefinition, document: string): MetadataIssue[] => {
  const resolve = fieldTypeResolver(object);
  const issues: MetadataIssue[] = [];
  object.fields.forEach((field, i) => {
    if (field.type !== "formula") return;
    const inferred = inferRuleType(field.expression, resolve);
    const expected = typeOfReturn(field.returnType);
    const compatible =
      inferred === "unknown" || inferred === expected || (expected === "datetime" && inferred === "date");
    if (!compatible) {
      issues.push({
        document,
        path: pointer("fields", i, "returnType"),
        code: "formula.returnTypeMismatch",
        message: `"${field.name}" is declared to return ${RETURN_TYPE_WORDS[field.returnType]}, but its expression gives ${TYPE_WORDS[inferred]}.`,
      });
    }
  });
  return issues;
};
