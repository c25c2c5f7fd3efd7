import { isSystemField, NAME_REGEX } from "../fields/field-base.js";
import { coerceFieldValue, descriptorOf, type FieldDefinition } from "../fields/registry.js";
import { type MetadataIssue, pointer } from "../issues/metadata-issue.js";
import { isPlainObject } from "../json/json-types.js";
import type { ObjectDefinition } from "../kinds/object.js";
import type { CheckContext } from "./check-context.js";
import { documentId } from "./check-context.js";
import { checkFormulaCycles, checkFormulaReturnTypes } from "./check-formulas.js";

/** NAME_PATTERN without its reserved words: a name of this shape that NAME_REGEX refuses is reserved. */
const NAME_SHAPE = /^[a-z][A-Za-z0-9]{0,62}$/;

const RECORD_NAME_TYPES = new Set(["text", "email", "phone", "autoNumber", "formula"]);

const checkFieldNames = (object: ObjectDefinition, document: string): MetadataIssue[] => {
  const issues: MetadataIssue[] = [];
  const firstIndex = new Map<string, number>();
  object.fields.forEach((field, i) => {
    const path = pointer("fields", i, "name");
    if (isSystemField(field.name)) {
      issues.push({
        document,
        path,
        code: "field.reservedName",
        message: `"${field.name}" is a system field every record already has; choose another name.`,
      });
    } else if (!NAME_REGEX.test(field.name)) {
      issues.push({
        document,
        path,
        code: "field.badName",
        message: NAME_SHAPE.test(field.name)
          ? `"${field.name}" is a reserved word and cannot name a field; choose another name.`
          : `"${field.name}" is not a valid name: start with a lower-case letter, then letters and digits only (e.g. closeDate).`,
      });
    }
    const first = firstIndex.get(field.name);
    if (first === undefined) firstIndex.set(field.name, i);
    else {
      issues.push({
        document,
        path,
        code: "field.duplicateName",
        message: `Another field (/fields/${first}) is already named "${field.name}".`,
      });
    }
  });
  return issues;
};

const checkFieldOwnRules = (object: ObjectDefinition, document: string): MetadataIssue[] =>
  object.fields.flatMap((field, i) => {
    const own = (descriptorOf(field).check?.(field) ?? []).map((issue) => ({
      ...issue,
      document,
      path: `${pointer("fields", i)}${issue.path}`,
    }));
    const fallback = "default" in field ? field.default : undefined;
    if (fallback === undefined || (isPlainObject(fallback) && "expression" in fallback)) return own;
    if (own.some((issue) => issue.path.endsWith("/default"))) return own;
    const coerced = coerceFieldValue(field, fallback);
    return coerced.ok
      ? own
      : [
          ...own,
          {
            document,
            path: pointer("fields", i, "default"),
            code: "field.badDefault",
            message: `The default value does not fit this field: ${coerced.message}`,
          },
        ];
  });

const referenceOf = (field: FieldDefinition): string | undefined =>
  field.type === "lookup" || field.type === "masterDetail" ? field.reference : undefined;

const checkReferences = (object: ObjectDefinition, document: string, ctx: CheckContext): MetadataIssue[] => {
  const issues: MetadataIssue[] = [];
  object.fields.forEach((field, i) => {
    const reference = referenceOf(field);
    if (reference !== undefined && !ctx.objects.has(reference)) {
      issues.push({
        document,
        path: pointer("fields", i, "reference"),
        code: "field.unknownReference",
        message: `"${field.name}" refers to an object "${reference}" that does not exist.`,
      });
    }
    if (field.type === "rollupSummary") issues.push(...checkRollup(object, field, i, document, ctx));
  });
  const masters = object.fields.filter((f) => f.type === "masterDetail");
  if (object.sharingModel === "controlledByParent" && masters.length === 0) {
    issues.push({
      document,
      path: "/sharingModel",
      code: "object.controlledByParentWithoutMaster",
      message: 'Sharing "controlled by parent" needs a master-detail field that names the parent.',
    });
  }
  if (masters.length > 2) {
    issues.push({
      document,
      path: "/fields",
      code: "object.tooManyMasters",
      message: "An object can have at most two master-detail fields.",
    });
  }
  return issues;
};

const checkRollup = (
  object: ObjectDefinition,
  field: Extract<FieldDefinition, { type: "rollupSummary" }>,
  i: number,
  document: string,
  ctx: CheckContext,
): MetadataIssue[] => {
  const child = ctx.objects.get(field.childObject);
  if (child === undefined) {
    return [
      {
        document,
        path: pointer("fields", i, "childObject"),
        code: "rollup.unknownObject",
        message: `The summarised object "${field.childObject}" does not exist.`,
      },
    ];
  }
  const issues: MetadataIssue[] = [];
  const relationship = child.fields.find((f) => f.name === field.relationshipField);
  if (
    relationship === undefined ||
    (relationship.type !== "masterDetail" && relationship.type !== "lookup") ||
    relationship.reference !== object.name
  ) {
    issues.push({
      document,
      path: pointer("fields", i, "relationshipField"),
      code: "rollup.badRelationship",
      message: `"${field.childObject}.${field.relationshipField}" must be a master-detail or lookup field pointing to "${object.name}".`,
    });
  }
  // A missing summary field is reported by the rollupSummary type's own check.
  if (field.operation !== "count" && field.summaryField !== undefined) {
    const summarised = child.fields.find((f) => f.name === field.summaryField);
    const numeric =
      summarised !== undefined &&
      ["number", "currency", "percent"].includes(
        summarised.type === "formula" ? summarised.returnType : summarised.type,
      );
    if (!numeric) {
      issues.push({
        document,
        path: pointer("fields", i, "summaryField"),
        code: "rollup.badSummaryField",
        message: `A ${field.operation} needs a number, currency or percent field of "${field.childObject}" to summarise.`,
      });
    }
  }
  return issues;
};

const checkRecordName = (object: ObjectDefinition, document: string): MetadataIssue[] => {
  const field = object.fields.find((f) => f.name === object.recordName);
  if (field === undefined) {
    return [
      {
        document,
        path: "/recordName",
        code: "object.unknownRecordName",
        message: `The record name field "${object.recordName}" is not one of this object's fields.`,
      },
    ];
  }
  const textual = field.type === "formula" ? field.returnType === "text" : RECORD_NAME_TYPES.has(field.type);
  return textual
    ? []
    : [
        {
          document,
          path: "/recordName",
          code: "object.badRecordName",
          message: `"${object.recordName}" cannot name records: use a text, e-mail, phone, auto-number or text formula field.`,
        },
      ];
};

const checkValidationRuleNames = (object: ObjectDefinition, document: string): MetadataIssue[] => {
  const issues: MetadataIssue[] = [];
  const seen = new Set<string>();
  const fieldNames = new Set(object.fields.map((f) => f.name));
  (object.validationRules ?? []).forEach((rule, i) => {
    if (seen.has(rule.name)) {
      issues.push({
        document,
        path: pointer("validationRules", i, "name"),
        code: "validationRule.duplicateName",
        message: `Another validation rule is already named "${rule.name}".`,
      });
    }
    seen.add(rule.name);
    if (rule.field !== undefined && !fieldNames.has(rule.field)) {
      issues.push({
        document,
        path: pointer("validationRules", i, "field"),
        code: "validationRule.unknownField",
        message: `The error is to be shown on "${rule.field}", which is not a field of this object.`,
      });
    }
  });
  return issues;
};

/** Semantic checks of one object definition (its expressions are checked with all the others). */
export const checkObject = (object: ObjectDefinition, ctx: CheckContext): MetadataIssue[] => {
  const document = documentId(object);
  return [
    ...checkFieldNames(object, document),
    ...checkFieldOwnRules(object, document),
    ...checkReferences(object, document, ctx),
    ...checkRecordName(object, document),
    ...checkValidationRuleNames(object, document),
    ...checkFormulaCycles(object, document),
    ...checkFormulaReturnTypes(object, document),
  ];
};
