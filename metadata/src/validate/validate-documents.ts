import type { TSchema } from "@sinclair/typebox";
import type { ValidateFunction } from "ajv";
import { FIELD_TYPES, fieldTypes, isFieldType } from "../fields/registry.js";
import { type MetadataIssue, pointer } from "../issues/metadata-issue.js";
import { isPlainObject } from "../json/json-types.js";
import type { DocumentOfKind, MetadataDocument, MetadataKind } from "../kinds/metadata-document.js";
import { type ObjectDefinition, ObjectDefinitionSchema } from "../kinds/object.js";
import { isMetadataKind, METADATA_KINDS, metadataKinds } from "../kinds/registry.js";
import type { CheckContext } from "./check-context.js";
import { documentId } from "./check-context.js";
import { checkExpressions, type ExpressionSite, expressionsOfObject } from "./check-expressions.js";
import { checkObject } from "./check-object.js";
import { createAjv } from "./create-ajv.js";
import { schemaIssues } from "./schema-issues.js";

const ajv = createAjv();
const validators = new Map<string, ValidateFunction>();

const validatorFor = (key: string, schema: () => TSchema | Record<string, unknown>): ValidateFunction => {
  let validate = validators.get(key);
  if (validate === undefined) {
    validate = ajv.compile(schema());
    validators.set(key, validate);
  }
  return validate;
};

/** The object schema with `fields` left open: fields are validated one by one against their type. */
const objectShellSchema = () => ({
  ...ObjectDefinitionSchema,
  properties: {
    ...ObjectDefinitionSchema.properties,
    fields: { type: "array", items: { type: "object" }, minItems: 1, maxItems: 500 },
  },
});

interface Validated {
  /** The document, or for an object whose fields are partly invalid, the object with its valid fields. */
  document: MetadataDocument;
  /** False when the schema refused something: semantic checks of the document itself are skipped. */
  wellFormed: boolean;
}

const validateFields = (
  doc: Record<string, unknown>,
  id: string,
): { issues: MetadataIssue[]; valid: unknown[] } => {
  const issues: MetadataIssue[] = [];
  const valid: unknown[] = [];
  const fields = Array.isArray(doc.fields) ? doc.fields : [];
  fields.forEach((field: unknown, i) => {
    if (!isPlainObject(field)) return;
    if (!isFieldType(field.type)) {
      issues.push({
        document: id,
        path: pointer("fields", i, "type"),
        code: "field.unknownType",
        message: `"${String(field.type)}" is not a field type. Use one of: ${FIELD_TYPES.join(", ")}.`,
      });
      return;
    }
    const type = field.type;
    const validate = validatorFor(`field:${type}`, () => fieldTypes[type].schema);
    if (validate(field)) valid.push(field);
    else issues.push(...schemaIssues(validate.errors ?? [], id, pointer("fields", i)));
  });
  return { issues, valid };
};

const identify = (
  input: unknown,
  index: number,
): { kind?: MetadataKind; id: string; issues: MetadataIssue[] } => {
  const fallback = `#${index}`;
  if (!isPlainObject(input)) {
    return {
      id: fallback,
      issues: [
        {
          document: fallback,
          path: "",
          code: "document.notAnObject",
          message: "A metadata document must be a JSON object.",
        },
      ],
    };
  }
  const name = typeof input.name === "string" ? input.name : undefined;
  if (!isMetadataKind(input.kind)) {
    const id = name === undefined ? fallback : `?/${name}`;
    return {
      id,
      issues: [
        {
          document: id,
          path: "/kind",
          code: "document.unknownKind",
          message: `"kind" must be one of: ${METADATA_KINDS.join(", ")}.`,
        },
      ],
    };
  }
  return {
    kind: input.kind,
    id: name === undefined ? `${input.kind}/${fallback}` : documentId({ kind: input.kind, name }),
    issues: [],
  };
};

const validateShape = (
  input: Record<string, unknown>,
  kind: MetadataKind,
  id: string,
): { issues: MetadataIssue[]; validated?: Validated } => {
  if (kind === "object") {
    const shell = validatorFor("kind:object", objectShellSchema);
    const shellOk = shell(input);
    const fields = validateFields(input, id);
    const issues = [...(shellOk ? [] : schemaIssues(shell.errors ?? [], id)), ...fields.issues];
    if (!isPlainObject(input) || typeof input.name !== "string") return { issues };
    const document = { ...input, fields: fields.valid } as unknown as ObjectDefinition;
    // With a field refused, the checks would see shifted field indexes and miss the refused field:
    // other documents still resolve against the valid fields, the object's own checks wait.
    return { issues, validated: { document, wellFormed: shellOk && fields.issues.length === 0 } };
  }
  const validate = validatorFor(`kind:${kind}`, () => metadataKinds[kind].schema);
  if (validate(input))
    return { issues: [], validated: { document: input as unknown as MetadataDocument, wellFormed: true } };
  return { issues: schemaIssues(validate.errors ?? [], id) };
};

const createContext = (documents: readonly MetadataDocument[]): CheckContext => {
  const byKind = new Map<string, MetadataDocument[]>();
  for (const doc of documents) byKind.set(doc.kind, [...(byKind.get(doc.kind) ?? []), doc]);
  const objects = new Map<string, ObjectDefinition>();
  for (const doc of documents) if (doc.kind === "object") objects.set(doc.name, doc);
  return {
    objects,
    byKind: <K extends MetadataKind>(kind: K) =>
      (byKind.get(kind) ?? []) as unknown as ReadonlyArray<DocumentOfKind<K>>,
    find: <K extends MetadataKind>(kind: K, name: string) =>
      (byKind.get(kind) ?? []).find((d) => d.name === name) as DocumentOfKind<K> | undefined,
  };
};

const semanticIssues = (doc: MetadataDocument, ctx: CheckContext): MetadataIssue[] => {
  if (doc.kind === "object") return checkObject(doc, ctx);
  const check = metadataKinds[doc.kind].check as
    | ((d: MetadataDocument, c: CheckContext) => MetadataIssue[])
    | undefined;
  return check?.(doc, ctx) ?? [];
};

const expressionSites = (doc: MetadataDocument): ExpressionSite[] => {
  const id = documentId(doc);
  if (doc.kind === "object") return expressionsOfObject(doc, id);
  const expressions = metadataKinds[doc.kind].expressions as
    | ((d: MetadataDocument) => Array<Omit<ExpressionSite, "document">>)
    | undefined;
  return (expressions?.(doc) ?? []).map((site) => ({ ...site, document: id }));
};

export interface DocumentSetValidation {
  issues: MetadataIssue[];
  /** Every document that passed its schema (possibly with semantic issues), by `kind/name`. */
  documents: Map<string, MetadataDocument>;
}

/**
 * Validates a set of metadata documents as a whole: each against its kind's JSON Schema, then the
 * semantic checks (references resolve, no formula cycles, expressions safe and reading real
 * fields, ...). Every problem comes back as an issue; nothing throws on bad input.
 * Documents that cannot be identified are named `#<index>` (their position in `inputs`).
 */
export const validateDocumentSet = (inputs: readonly unknown[]): DocumentSetValidation => {
  const issues: MetadataIssue[] = [];
  const accepted: Validated[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const identity = identify(input, index);
    issues.push(...identity.issues);
    if (identity.kind === undefined || !isPlainObject(input)) return;
    if (seen.has(identity.id)) {
      issues.push({
        document: identity.id,
        path: "/name",
        code: "document.duplicate",
        message: `There is already another ${metadataKinds[identity.kind].label.en.toLowerCase()} named "${String(input.name)}".`,
      });
      return;
    }
    seen.add(identity.id);
    const shape = validateShape(input, identity.kind, identity.id);
    issues.push(...shape.issues);
    if (shape.validated !== undefined) accepted.push(shape.validated);
  });
  const ctx = createContext(accepted.map((v) => v.document));
  for (const { document, wellFormed } of accepted) {
    if (!wellFormed) continue;
    issues.push(...semanticIssues(document, ctx));
    issues.push(...checkExpressions(expressionSites(document), ctx));
  }
  return { issues, documents: new Map(accepted.map((v) => [documentId(v.document), v.document])) };
};

/** The issues of a set of metadata documents; empty when the set is valid. */
export const validateDocuments = (inputs: readonly unknown[]): MetadataIssue[] =>
  validateDocumentSet(inputs).issues;
