import { type TSchema, Type } from "@sinclair/typebox";
import { NAME_PATTERN } from "../fields/field-base.js";
import { type MetadataIssue, pointer } from "../issues/metadata-issue.js";
import { isPlainObject } from "../json/json-types.js";
import { documentId } from "../validate/check-context.js";

/** A metadata name (object, field, role, list view, ...): camelCase ASCII. */
export const NameSchema = Type.String({ pattern: NAME_PATTERN });

/** Icon name from the runtime's icon set (same shape as an object's icon). */
export const IconSchema = Type.String({ pattern: "^[a-z][a-z0-9-]{0,40}$" });

/** A user named by id or username, as written by an admin in metadata. */
export const UserReferenceSchema = Type.String({ pattern: "^[A-Za-z0-9._@+-]{1,254}$" });

/** Public groups and queues are tenant data, not metadata: only their name's shape is checked. */
export const GroupNameSchema = NameSchema;

/**
 * Keys that would reach an object's prototype if a reader ever copied a record-like map with
 * spread or Object.assign; refused in every map keyed by admin-chosen names.
 */
export const FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"] as const;

/**
 * A map from names (matching `keyPattern`) to `value`. Unknown key shapes are refused, and so
 * are FORBIDDEN_KEYS even where the pattern would let them through ("constructor" is camelCase).
 */
export const keyedRecord = <T extends TSchema>(keyPattern: string, value: T, maxProperties = 500) =>
  Type.Record(Type.String({ pattern: keyPattern }), value, {
    additionalProperties: false,
    propertyNames: { not: { enum: [...FORBIDDEN_KEYS] } },
    maxProperties,
  });

const SortDirectionSchema = Type.Union([Type.Literal("asc"), Type.Literal("desc")]);

const SortKeySchema = Type.Object(
  { field: NameSchema, direction: SortDirectionSchema },
  { additionalProperties: false },
);

/** Sort keys, most significant first. */
export const SortOrderSchema = Type.Array(SortKeySchema, { minItems: 1, maxItems: 5 });

/**
 * How an expression is used: `filter` expressions must stay inside the storable subset (they are
 * compiled to store queries); `rule` expressions may use the whole evaluator.
 */
export type ExpressionMode = "rule" | "filter";

/** One JsonLogic expression inside a document, for the rule checker. */
export interface ExpressionSite {
  /** JSON pointer to the expression inside the document. */
  path: string;
  expression: unknown;
  /** The object whose fields `{"var": ...}` reads. */
  object: string;
  mode: ExpressionMode;
}

/**
 * An action value: a literal, or `{"expression": <JsonLogic>}` computed when the action runs,
 * the same convention as a field's `default`.
 */
export const ActionValueSchema = Type.Unknown({
  description: 'A literal value, or {"expression": <JsonLogic>} computed when the action runs',
});

/** The expression of an action value written as `{"expression": ...}`, else undefined. */
export const expressionOfValue = (value: unknown): { expression: unknown } | undefined =>
  isPlainObject(value) && Object.keys(value).length === 1 && Object.hasOwn(value, "expression")
    ? { expression: value.expression }
    : undefined;

/** Collects the issues of one document; paths are given as JSON-pointer reference tokens. */
export const issueCollector = (doc: { kind: string; name: string }) => {
  const issues: MetadataIssue[] = [];
  const document = documentId(doc);
  const report = (tokens: ReadonlyArray<string | number>, code: string, message: string): void => {
    issues.push({ document, path: pointer(...tokens), code, message });
  };
  return { issues, report };
};

export type Report = ReturnType<typeof issueCollector>["report"];
