import { Type } from "@sinclair/typebox";
import type { FilterOperator } from "../rules/filter-operator.js";
import { accepted } from "./coercion.js";
import type { Coercion, FieldTypeDescriptor, IndexHint } from "./field-type-descriptor.js";
import { type AutoNumberField, autoNumberField } from "./types/auto-number.js";
import { type BooleanField, booleanField } from "./types/boolean.js";
import { type CurrencyField, currencyField } from "./types/currency.js";
import { type CustomField, customField, customFieldBase } from "./types/custom.js";
import { type DateField, dateField } from "./types/date.js";
import { type DatetimeField, datetimeField } from "./types/datetime.js";
import { type EmailField, emailField } from "./types/email.js";
import { type FileField, fileField } from "./types/file.js";
import {
  type FormulaField,
  type FormulaReturnType,
  formulaField,
  formulaResultType,
} from "./types/formula.js";
import { type GeolocationField, geolocationField } from "./types/geolocation.js";
import { type LookupField, lookupField } from "./types/lookup.js";
import { type MasterDetailField, masterDetailField } from "./types/master-detail.js";
import { type MultiPicklistField, multiPicklistField } from "./types/multi-picklist.js";
import { type NumberField, numberField } from "./types/number.js";
import { type PercentField, percentField } from "./types/percent.js";
import { type PhoneField, phoneField } from "./types/phone.js";
import { type PicklistField, picklistField } from "./types/picklist.js";
import { type RichTextField, richTextField } from "./types/rich-text.js";
import { type RollupSummaryField, rollupSummaryField } from "./types/rollup-summary.js";
import { type TextField, textField } from "./types/text.js";
import { type TextareaField, textareaField } from "./types/textarea.js";
import { type TimeField, timeField } from "./types/time.js";
import { type UrlField, urlField } from "./types/url.js";
import { type UserField, userField } from "./types/user.js";

/** Every field type and the TypeScript type of its definitions. */
export interface FieldDefinitionMap {
  text: TextField;
  textarea: TextareaField;
  richText: RichTextField;
  email: EmailField;
  phone: PhoneField;
  url: UrlField;
  number: NumberField;
  currency: CurrencyField;
  percent: PercentField;
  boolean: BooleanField;
  date: DateField;
  datetime: DatetimeField;
  time: TimeField;
  picklist: PicklistField;
  multiPicklist: MultiPicklistField;
  lookup: LookupField;
  masterDetail: MasterDetailField;
  user: UserField;
  autoNumber: AutoNumberField;
  formula: FormulaField;
  rollupSummary: RollupSummaryField;
  geolocation: GeolocationField;
  file: FileField;
  custom: CustomField;
}

export type FieldType = keyof FieldDefinitionMap;
export type FieldDefinition = FieldDefinitionMap[FieldType];
export type FieldOf<K extends FieldType> = FieldDefinitionMap[K];

/** The registry. Typed by the map, so a type listed there does not compile until it is registered here. */
export const fieldTypes: { readonly [K in FieldType]: FieldTypeDescriptor<FieldDefinitionMap[K]> } = {
  text: textField,
  textarea: textareaField,
  richText: richTextField,
  email: emailField,
  phone: phoneField,
  url: urlField,
  number: numberField,
  currency: currencyField,
  percent: percentField,
  boolean: booleanField,
  date: dateField,
  datetime: datetimeField,
  time: timeField,
  picklist: picklistField,
  multiPicklist: multiPicklistField,
  lookup: lookupField,
  masterDetail: masterDetailField,
  user: userField,
  autoNumber: autoNumberField,
  formula: formulaField,
  rollupSummary: rollupSummaryField,
  geolocation: geolocationField,
  file: fileField,
  custom: customField,
};

/** Every field type, in palette order. */
export const FIELD_TYPES: readonly FieldType[] = Object.values(fieldTypes).map(
  (descriptor) => descriptor.type,
);

export const isFieldType = (value: unknown): value is FieldType => FIELD_TYPES.some((type) => type === value);

/**
 * Any field definition: the union of every type's schema, built from the registry so it cannot miss
 * one. Validators wanting one error list per field should pick `fieldTypes[type].schema` by the
 * definition's `type` first: an `anyOf` of 23 branches reports every branch's complaints.
 */
export const FieldDefinitionSchema = Type.Unsafe<FieldDefinition>(
  Type.Union(FIELD_TYPES.map((type) => fieldTypes[type].schema)),
);

/** The descriptor of a field's type, typed for the field itself. */
export const descriptorOf = (field: FieldDefinition): FieldTypeDescriptor<FieldDefinition> =>
  // The map pairs each type with its descriptor; TypeScript cannot follow that pairing through an
  // index by a union, hence the one cast of the registry.
  fieldTypes[field.type] as unknown as FieldTypeDescriptor<FieldDefinition>;

const isBlank = (field: FieldDefinition, value: unknown): boolean =>
  value === null ||
  value === undefined ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && value.length === 0 && (field.type === "multiPicklist" || field.type === "file"));

/**
 * Input -> stored value. Blank input (null, undefined, "" or only spaces, and [] for multi-valued
 * types) clears the field: `{ok: true, value: null}`; `required` is enforced later, by the schema.
 */
export const coerceFieldValue = (field: FieldDefinition, value: unknown): Coercion =>
  isBlank(field, value) ? accepted(null) : descriptorOf(field).coerce(value, field);

/**
 * Filter operators of a field; a formula's are those of its return type, a custom field's those of
 * its base type (none while its type is not registered).
 */
export const operatorsOf = (field: FieldDefinition): readonly FilterOperator[] => {
  if (field.type === "formula") return formulaResultType(field).operators;
  if (field.type === "custom") return customFieldBase(field)?.operators ?? [];
  return descriptorOf(field).operators;
};

/** How the store should index a field; a custom field's hint is its base type's. */
export const indexHintOf = (field: FieldDefinition): IndexHint =>
  field.type === "custom" ? (customFieldBase(field)?.indexHint ?? "none") : descriptorOf(field).indexHint;

/** The JSON kind of a stored value, for the filter parser and the stores' query compilers. */
export type ValueKind = "string" | "number" | "boolean" | "date" | "datetime" | "time" | "array" | "object";

const FORMULA_VALUE_KINDS: { readonly [R in FormulaReturnType]: ValueKind } = {
  text: "string",
  number: "number",
  currency: "number",
  percent: "number",
  boolean: "boolean",
  date: "date",
  datetime: "datetime",
};

/** Every case is listed (no default), so a new field type does not compile until it has a kind. */
export const valueKindOf = (field: FieldDefinition): ValueKind => {
  switch (field.type) {
    case "text":
    case "textarea":
    case "richText":
    case "email":
    case "phone":
    case "url":
    case "picklist":
    case "lookup":
    case "masterDetail":
    case "user":
    case "autoNumber":
      return "string";
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
    case "time":
      return "time";
    case "multiPicklist":
      return "array";
    case "geolocation":
      return "object";
    case "file":
      return field.multiple === true ? "array" : "object";
    case "formula":
      return FORMULA_VALUE_KINDS[field.returnType];
    case "custom":
      // An unregistered type's values are opaque: neither filterable nor sortable.
      return customFieldBase(field)?.valueKind ?? "object";
  }
};
