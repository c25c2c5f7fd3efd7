import { type Static, Type } from "@sinclair/typebox";
import type { JsonSchema, UiSchema } from "../../json/json-types.js";
import type { FilterOperator } from "../../rules/filter-operator.js";
import { refused } from "../coercion.js";
import { type CustomFieldTypeDefinition, customFieldType } from "../custom-field-types.js";
import { defaultProperty, defineFieldSchema, NAME_PATTERN, requiredProperty } from "../field-base.js";
import type { Coercion, FieldTypeDescriptor, IndexHint } from "../field-type-descriptor.js";
import { checkLiteralDefault, type FieldIssue, literalDefault } from "../literal-default.js";
import { coerceDecimal } from "../number-coercion.js";
import { BOOLEAN_OPERATORS, NUMERIC_OPERATORS, TEXT_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";
import { coerceText } from "../text-coercion.js";
import { booleanField } from "./boolean.js";
import { numberField } from "./number.js";
import { TEXT_DEFAULT_MAX_LENGTH, TEXT_MAX_LENGTH_LIMIT, textField } from "./text.js";

const customOptions = {
  /** The registered field type (`registerCustomFieldType`) this field is one of. */
  customType: Type.String({ pattern: NAME_PATTERN }),
  ...requiredProperty,
  ...defaultProperty(
    Type.Union([Type.String({ maxLength: TEXT_MAX_LENGTH_LIMIT }), Type.Number(), Type.Boolean()]),
  ),
};

export const customFieldSchema = defineFieldSchema("custom", customOptions);
export type CustomField = Static<typeof customFieldSchema>;

/** What a custom field's base type decides: the store's view of its values. */
export interface CustomFieldBase {
  readonly operators: readonly FilterOperator[];
  readonly indexHint: IndexHint;
  readonly valueKind: "string" | "number" | "boolean";
  uiSchema(): UiSchema;
  coerce(value: unknown, definition: CustomFieldTypeDefinition): Coercion;
}

/** Longest text a text-based type stores: its schema's `maxLength`, else a text field's default. */
const maxLengthOf = (definition: CustomFieldTypeDefinition): number => {
  const max = definition.valueSchema.maxLength;
  return typeof max === "number" && Number.isInteger(max) && max > 0
    ? Math.min(max, TEXT_MAX_LENGTH_LIMIT)
    : TEXT_DEFAULT_MAX_LENGTH;
};

const label = { en: "Value" };

export const CUSTOM_FIELD_BASES: { readonly [B in CustomFieldTypeDefinition["base"]]: CustomFieldBase } = {
  text: {
    operators: TEXT_OPERATORS,
    indexHint: "text",
    valueKind: "string",
    uiSchema: () => textField.toUiSchema({ name: "value", type: "text", label }, "en"),
    coerce: (value, definition) => coerceText(value, maxLengthOf(definition)),
  },
  number: {
    operators: NUMERIC_OPERATORS,
    indexHint: "value",
    valueKind: "number",
    uiSchema: () => numberField.toUiSchema({ name: "value", type: "number", label }, "en"),
    coerce: (value) => coerceDecimal(value, undefined),
  },
  boolean: {
    operators: BOOLEAN_OPERATORS,
    indexHint: "value",
    valueKind: "boolean",
    uiSchema: () => booleanField.toUiSchema({ name: "value", type: "boolean", label }, "en"),
    coerce: (value) => booleanField.coerce(value, { name: "value", type: "boolean", label }),
  },
};

/** The base behaviour of a custom field; undefined while its type is not registered. */
export const customFieldBase = (field: CustomField): CustomFieldBase | undefined => {
  const definition = customFieldType(field.customType);
  return definition === undefined ? undefined : CUSTOM_FIELD_BASES[definition.base];
};

const unknownTypeMessage = (field: CustomField): string =>
  `"${field.customType}" is not a registered field type; install the package that provides it.`;

// Registered schemas are frozen and JSON only: callers get copies they may extend.
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Why `value` breaks the simple keywords of `schema`; the record schema checks the rest on write. */
const outsideValueSchema = (value: unknown, schema: JsonSchema): string | undefined => {
  const { type, minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength } = schema;
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => option === value)) {
    return `use one of ${schema.enum.map((option) => JSON.stringify(option)).join(", ")}`;
  }
  if (schema.const !== undefined && schema.const !== value) return `use ${JSON.stringify(schema.const)}`;
  if (typeof value === "number") {
    if (type === "integer" && !Number.isInteger(value)) return "use a whole number";
    if (typeof minimum === "number" && value < minimum) return `use at least ${minimum}`;
    if (typeof maximum === "number" && value > maximum) return `use at most ${maximum}`;
    if (typeof exclusiveMinimum === "number" && value <= exclusiveMinimum)
      return `use more than ${exclusiveMinimum}`;
    if (typeof exclusiveMaximum === "number" && value >= exclusiveMaximum)
      return `use less than ${exclusiveMaximum}`;
  }
  if (typeof value === "string") {
    const length = [...value].length;
    if (typeof minLength === "number" && length < minLength) return `use at least ${minLength} characters`;
    if (typeof maxLength === "number" && length > maxLength) return `use at most ${maxLength} characters`;
  }
  return undefined;
};

const checkDefaultFits = (field: CustomField, definition: CustomFieldTypeDefinition): FieldIssue[] => {
  const value = literalDefault(field);
  if (value === undefined) return [];
  const reason = outsideValueSchema(value, definition.valueSchema);
  return reason === undefined
    ? []
    : [
        {
          path: "/default",
          code: "field.invalidDefault",
          message: `The default value does not fit the field type "${definition.name}": ${reason}.`,
        },
      ];
};

/**
 * A field whose type a package registers (`registerCustomFieldType`): its values are stored,
 * coerced, filtered and sorted as its base type's (text, number or boolean) and also satisfy the
 * type's own value schema. While the type is not registered (the package is missing), validation
 * reports the field and writes to it are refused rather than stored unchecked.
 */
export const customField: FieldTypeDescriptor<CustomField> = {
  type: "custom",
  label: { en: "Custom", "zh-CN": "自定义" },
  category: "other",
  source: "input",
  schema: customFieldSchema,
  optionsSchema: defineOptionsSchema(customOptions),
  toJsonSchema: (field) => {
    const definition = customFieldType(field.customType);
    if (definition === undefined) return {};
    const schema: JsonSchema = copy(definition.valueSchema);
    // Text without a bound would let hooks and imports store text of any size.
    if (definition.base === "text" && schema.maxLength === undefined)
      schema.maxLength = maxLengthOf(definition);
    return schema;
  },
  toUiSchema: (field) => {
    const definition = customFieldType(field.customType);
    if (definition === undefined) return {};
    return definition.uiSchema === undefined
      ? CUSTOM_FIELD_BASES[definition.base].uiSchema()
      : copy(definition.uiSchema);
  },
  coerce: (value, field) => {
    const definition = customFieldType(field.customType);
    if (definition === undefined) return refused("field.unknownCustomType", unknownTypeMessage(field));
    return CUSTOM_FIELD_BASES[definition.base].coerce(value, definition);
  },
  // What every base offers; `operatorsOf(field)` in the registry gives the field's own.
  operators: BOOLEAN_OPERATORS,
  indexHint: "value",
  check: (field) => {
    const definition = customFieldType(field.customType);
    if (definition === undefined) {
      return [{ path: "/customType", code: "field.unknownCustomType", message: unknownTypeMessage(field) }];
    }
    const typed = checkLiteralDefault(field, customField.coerce);
    return typed.length > 0 ? typed : checkDefaultFits(field, definition);
  },
};
