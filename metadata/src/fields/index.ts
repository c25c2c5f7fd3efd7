export * from "./field-base.js";
export type {
  Coercion,
  FieldBase,
  FieldCategory,
  FieldTypeDescriptor,
  IndexHint,
  ValueSource,
} from "./field-type-descriptor.js";
export { type FieldIssue, isExpressionDefault, literalDefault } from "./literal-default.js";
export { parseDecimal, roundToScale } from "./number-coercion.js";
export {
  findOptionValue,
  isActiveOption,
  PICKLIST_VALUE_PATTERN,
  type PicklistOption,
  PicklistOptionSchema,
  PicklistOptionsSchema,
} from "./picklist-options.js";
export { isRecordId, RECORD_ID_PATTERN } from "./record-reference.js";
export {
  coerceFieldValue,
  descriptorOf,
  FIELD_TYPES,
  type FieldDefinition,
  type FieldDefinitionMap,
  FieldDefinitionSchema,
  type FieldOf,
  type FieldType,
  fieldTypes,
  indexHintOf,
  isFieldType,
  operatorsOf,
  type ValueKind,
  valueKindOf,
} from "./registry.js";
export * from "./types/auto-number.js";
export * from "./types/boolean.js";
export * from "./types/currency.js";
export * from "./types/custom.js";
export * from "./types/date.js";
export * from "./types/datetime.js";
export * from "./types/email.js";
export * from "./types/file.js";
export * from "./types/formula.js";
export * from "./types/geolocation.js";
export * from "./types/lookup.js";
export * from "./types/master-detail.js";
export * from "./types/multi-picklist.js";
export * from "./types/number.js";
export * from "./types/percent.js";
export * from "./types/phone.js";
export * from "./types/picklist.js";
export * from "./types/rich-text.js";
export * from "./types/rollup-summary.js";
export * from "./types/text.js";
export * from "./types/textarea.js";
export * from "./types/time.js";
export * from "./types/url.js";
export * from "./types/user.js";
