import {
  compileObjectSchema,
  compileRule,
  createAjv,
  type FormulaField,
  filterFieldsOf,
  formulaEvaluationOrder,
  isExpressionDefault,
  type Layout,
  type ListView,
  type MetadataDocument,
  type ObjectDefinition,
  valueKindOf,
} from "@tessera/metadata";
import { compileApprovalProcesses, compileAutomations } from "../automation/compiled-automation.js";
import { compileTemplateDocuments } from "../templates/compile-template-documents.js";
import type {
  CompiledMetadata,
  CompiledObject,
  DependentRollup,
  IncomingReference,
  ReferenceField,
} from "./compiled-metadata.js";

const SEARCHABLE = new Set(["text", "textarea", "email", "phone", "url", "autoNumber"]);

const isReference = (field: ObjectDefinition["fields"][number]): field is ReferenceField =>
  field.type === "lookup" || field.type === "masterDetail" || field.type === "user";

const referencedObject = (field: ReferenceField): string =>
  field.type === "user" ? "user" : field.reference;

type Compiled = Pick<CompiledObject, "validate" | "formulas" | "defaults" | "validationRules">;

/** The costly artefacts of an object (ajv validator, compiled rules), which depend on it alone. */
const compileArtefacts = (object: ObjectDefinition, ajv: ReturnType<typeof createAjv>): Compiled => {
  const fields = new Map(object.fields.map((f) => [f.name, f]));
  const order = formulaEvaluationOrder(object);
  const formulas = order.map((name) => {
    const field = fields.get(name) as FormulaField;
    return { field, evaluate: compileRule(field.expression) };
  });
  const defaults: CompiledObject["defaults"][number][] = [];
  for (const field of object.fields) {
    if (!("default" in field) || field.default === undefined) continue;
    const fallback: unknown = field.default;
    defaults.push(
      isExpressionDefault(fallback)
        ? { field, expression: compileRule(fallback.expression) }
        : { field, value: fallback },
    );
  }
  return {
    validate: ajv.compile(compileObjectSchema(object)),
    formulas,
    defaults,
    validationRules: (object.validationRules ?? [])
      .filter((rule) => rule.active !== false)
      .map((rule) => ({ rule, errorWhen: compileRule(rule.errorWhen) })),
  };
};

const compileObject = (
  object: ObjectDefinition,
  all: readonly ObjectDefinition[],
  artefacts: Compiled,
): CompiledObject => {
  const incoming: IncomingReference[] = [];
  const dependentRollups: DependentRollup[] = [];
  for (const other of all) {
    for (const field of other.fields) {
      if (isReference(field) && referencedObject(field) === object.name)
        incoming.push({ object: other.name, field });
      if (field.type === "rollupSummary" && field.childObject === object.name) {
        dependentRollups.push({ parentObject: other.name, field });
      }
    }
  }
  return {
    ...artefacts,
    definition: object,
    name: object.name,
    fields: new Map(object.fields.map((f) => [f.name, f])),
    references: object.fields.filter(isReference),
    rollups: object.fields.filter((f) => f.type === "rollupSummary"),
    incoming,
    dependentRollups,
    searchFields: object.fields
      .filter(
        (f) =>
          SEARCHABLE.has(f.type) ||
          (f.type === "formula" && f.returnType === "text") ||
          (f.type === "custom" && valueKindOf(f) === "string"),
      )
      .map((f) => f.name),
    filterField: filterFieldsOf(object),
    recordName: object.recordName,
  };
};

/**
 * Compiles a published version: ajv validators, rules and formulas, the reference graph. Runs once
 * per version and tenant; requests share the result.
 */
export const compileMetadata = (
  version: number,
  publishedAt: string,
  documents: readonly MetadataDocument[],
  /** The version compiled before: artefacts of objects that did not change are reused. */
  previous?: CompiledMetadata,
): CompiledMetadata => {
  // One ajv instance per version: schemas carry $ids, and a new version must not collide with the old.
  const ajv = createAjv();
  const objects = documents.filter((d): d is ObjectDefinition => d.kind === "object");
  const artefactsOf = (object: ObjectDefinition): Compiled => {
    const before = previous?.objects.get(object.name);
    if (before !== undefined && JSON.stringify(before.definition) === JSON.stringify(object)) return before;
    return compileArtefacts(object, ajv);
  };
  return {
    version,
    publishedAt,
    documents,
    objects: new Map(objects.map((o) => [o.name, compileObject(o, objects, artefactsOf(o))])),
    layouts: documents.filter((d): d is Layout => d.kind === "layout"),
    listViews: documents.filter((d): d is ListView => d.kind === "listView"),
    automations: compileAutomations(documents),
    approvalProcesses: compileApprovalProcesses(documents),
    templates: compileTemplateDocuments(documents),
  };
};
