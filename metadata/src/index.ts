// The public face of @tessera/metadata. Everything the engine, runtime and designer use is here.

export { filterFieldsOf, SYSTEM_FILTER_FIELDS } from "./compile/filter-fields.js";
export { formulaCycles, formulaDependencies, formulaEvaluationOrder } from "./compile/formula-order.js";
export type {
  CompiledForm,
  FieldConditions,
  FormMode,
  FormOptions,
  FormSection,
} from "./compile/layout-form.js";
export { compileLayoutForm } from "./compile/layout-form.js";
export { compileObjectSchema, JSON_SCHEMA_DIALECT } from "./compile/object-schema.js";
export {
  COMPARABLE_TYPES,
  conditionNormalizer,
  defaultNormalizer,
  TEXT_LIKE_TYPES,
} from "./duplicates/condition-fields.js";
export type { MatchNormalizer } from "./duplicates/normalize.js";
export { MATCH_NORMALIZERS, normalizeForMatch } from "./duplicates/normalize.js";
export { jaroWinkler, trigramSimilarity } from "./duplicates/similarity.js";
export type { CustomFieldTypeDefinition } from "./fields/custom-field-types.js";
export { customFieldType, customFieldTypes, registerCustomFieldType } from "./fields/custom-field-types.js";
export type { SystemField } from "./fields/field-base.js";
export { isSystemField, NAME_PATTERN, NAME_REGEX, SYSTEM_FIELDS } from "./fields/field-base.js";
export type {
  Coercion,
  FieldBase,
  FieldCategory,
  FieldTypeDescriptor,
  IndexHint,
  ValueSource,
} from "./fields/field-type-descriptor.js";
export * from "./fields/index.js";
export { SYSTEM_FIELD_DISPLAY, type SystemFieldDisplay } from "./fields/system-field-display.js";
export {
  DEFAULT_CURRENCY,
  formatDatetime,
  formatFieldValue,
  usableTimeZone,
  type ValueFormat,
} from "./format/format-field-value.js";
export { decodeEntities, htmlToText } from "./format/html-to-text.js";
export type { Locale, LocalizedText } from "./i18n/localized-text.js";
export { isLocale, LocalizedTextSchema, localize, SUPPORTED_LOCALES } from "./i18n/localized-text.js";
export type { MetadataIssue } from "./issues/metadata-issue.js";
export { escapePointerToken, pointer } from "./issues/metadata-issue.js";
export type { JsonObject, JsonSchema, JsonValue, UiSchema } from "./json/json-types.js";
export { isPlainObject } from "./json/json-types.js";
export * from "./kinds/index.js";
export type {
  DocumentOfKind,
  MetadataDocument,
  MetadataKind,
  MetadataKindMap,
} from "./kinds/metadata-document.js";
export type { ObjectDefinition, SharingModel, ValidationRule } from "./kinds/object.js";
export { ObjectDefinitionSchema, SHARING_MODELS } from "./kinds/object.js";
export type { LayoutProblem, WidgetPlacement } from "./reports/dashboard-layout.js";
export {
  DASHBOARD_DEFAULT_COLUMNS,
  personalLayoutProblems,
  widgetLayoutProblems,
} from "./reports/dashboard-layout.js";
export type { DateBucket } from "./reports/date-bucket.js";
export { DATE_BUCKETS, dateBucketKey } from "./reports/date-bucket.js";
export { ANALYSABLE_SYSTEM_FIELDS, valueTypeOf } from "./reports/field-value-type.js";
export type { MeasureFormat } from "./reports/report-fields.js";
export {
  DATE_TYPES,
  GROUPABLE_TYPES,
  isBucketedField,
  isGroupableField,
  isMeasurable,
  measureFormat,
  NUMERIC_TYPES,
} from "./reports/report-fields.js";
export type { FilterOperator } from "./rules/filter-operator.js";
export { FILTER_OPERATORS } from "./rules/filter-operator.js";
export * from "./rules/index.js";
export { standardObject, standardObjects } from "./standard/standard-objects.js";
export { ALL_SYSTEM_PERMISSIONS, standardProfiles } from "./standard/standard-profiles.js";
export type { CheckContext, SemanticCheck } from "./validate/check-context.js";
export { documentId } from "./validate/check-context.js";
export { createAjv } from "./validate/create-ajv.js";
export type { InferredType } from "./validate/infer-rule-type.js";
export { inferRuleType } from "./validate/infer-rule-type.js";
export type { DocumentSetValidation } from "./validate/validate-documents.js";
export { validateDocumentSet, validateDocuments } from "./validate/validate-documents.js";
