import type { TSchema } from "@sinclair/typebox";
import type { Locale, LocalizedText } from "../i18n/localized-text.js";
import type { MetadataIssue } from "../issues/metadata-issue.js";
import type { JsonSchema, JsonValue, UiSchema } from "../json/json-types.js";
import type { FilterOperator } from "../rules/filter-operator.js";

/** The shape every field definition shares; each type's definition extends it. */
export interface FieldBase {
  id?: string;
  name: string;
  type: string;
  label: LocalizedText;
  helpText?: LocalizedText;
  description?: string;
}

/** Result of turning user input into the stored representation of a field value. */
export type Coercion = { ok: true; value: JsonValue } | { ok: false; code: string; message: string };

/**
 * How the store should index a field: `none`, `value` (b-tree on the value),
 * `text` (searchable by `q`), `geo` (2d point).
 */
export type IndexHint = "none" | "value" | "text" | "geo";

/**
 * Where a field's value comes from: `input` (a user or import writes it), `generated` (the engine
 * assigns it once: autoNumber), `computed` (derived on every write: formula, rollupSummary).
 */
export type ValueSource = "input" | "generated" | "computed";

/** Groups in the designer's field palette. */
export type FieldCategory = "text" | "number" | "choice" | "date" | "relationship" | "computed" | "other";

/** One entry of the field-type registry: everything every layer needs to know about a field type. */
export interface FieldTypeDescriptor<F extends FieldBase> {
  readonly type: F["type"];
  /** Name shown in the designer's palette. */
  readonly label: LocalizedText;
  readonly category: FieldCategory;
  readonly source: ValueSource;
  /** JSON Schema of the whole field definition (base keys + options). */
  readonly schema: TSchema;
  /** JSON Schema of the type-specific options only, for the designer's property panel. */
  readonly optionsSchema: TSchema;
  /** JSON Schema of one stored, non-null value of this field (record validation). */
  toJsonSchema(field: F): JsonSchema;
  /** rjsf uiSchema for this field's widget (labels are added by the layout compiler). */
  toUiSchema(field: F, locale: Locale): UiSchema;
  /**
   * Turns input (JSON from an API client, a CSV cell, a form) into the stored value, e.g.
   * "12.50" -> 12.5. Never called with null, undefined or "" (those clear the field).
   */
  coerce(value: unknown, field: F): Coercion;
  /** Filter operators this type supports. */
  readonly operators: readonly FilterOperator[];
  readonly indexHint: IndexHint;
  /**
   * Checks that need only the field itself (e.g. picklist default among options). Paths are JSON
   * pointers relative to the field; `document` is filled in by the caller.
   */
  check?(field: F): Array<Omit<MetadataIssue, "document">>;
}
