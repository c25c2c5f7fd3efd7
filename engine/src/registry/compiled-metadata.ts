import type {
  CompiledRule,
  FieldDefinition,
  FilterField,
  FormulaField,
  JsonValue,
  Layout,
  ListView,
  MetadataDocument,
  ObjectDefinition,
  RollupSummaryField,
  ValidationRule,
} from "@tessera/metadata";
import type { ValidateFunction } from "ajv";
import type { CompiledApprovalProcess, CompiledAutomation } from "../automation/compiled-automation.js";
import type { CompiledTemplateDocument } from "../templates/compile-template-documents.js";

/** A field pointing at another object (lookup, master-detail or user). */
export type ReferenceField = Extract<FieldDefinition, { type: "lookup" | "masterDetail" | "user" }>;

/** A reference from another object's records to this object's records. */
export interface IncomingReference {
  object: string;
  field: ReferenceField;
}

/** A rollup on a parent object that summarises this (child) object. */
export interface DependentRollup {
  parentObject: string;
  field: RollupSummaryField;
}

/** Everything the record pipeline needs about one object, compiled once per metadata version. */
export interface CompiledObject {
  readonly definition: ObjectDefinition;
  readonly name: string;
  readonly fields: ReadonlyMap<string, FieldDefinition>;
  /** ajv validator of a stored record's field values (system fields excluded). */
  readonly validate: ValidateFunction;
  /** Formulas in dependency order: each sees the values of the ones it reads. */
  readonly formulas: ReadonlyArray<{ field: FormulaField; evaluate: CompiledRule }>;
  readonly defaults: ReadonlyArray<{ field: FieldDefinition; value?: unknown; expression?: CompiledRule }>;
  readonly validationRules: ReadonlyArray<{ rule: ValidationRule; errorWhen: CompiledRule }>;
  readonly references: readonly ReferenceField[];
  readonly rollups: readonly RollupSummaryField[];
  readonly incoming: readonly IncomingReference[];
  readonly dependentRollups: readonly DependentRollup[];
  /** Text-like fields `q` searches. */
  readonly searchFields: readonly string[];
  readonly filterField: (name: string) => FilterField | undefined;
  /** The field whose value names a record (lookups' display names, titles). */
  readonly recordName: string;
}

/** One published metadata version, compiled: what every request of the tenant reads. */
export interface CompiledMetadata {
  readonly version: number;
  readonly publishedAt: string;
  readonly documents: readonly MetadataDocument[];
  readonly objects: ReadonlyMap<string, CompiledObject>;
  readonly layouts: readonly Layout[];
  readonly listViews: readonly ListView[];
  /** Active automations per object, by name. */
  readonly automations: ReadonlyMap<string, readonly CompiledAutomation[]>;
  /** Active approval processes per object, lowest priority first. */
  readonly approvalProcesses: ReadonlyMap<string, readonly CompiledApprovalProcess[]>;
  /** Template documents by name, compiled once per version. */
  readonly templates: ReadonlyMap<string, CompiledTemplateDocument>;
}

/** A value a compiled rule may return; only truthiness matters for conditions. */
export type RuleValue = JsonValue;
