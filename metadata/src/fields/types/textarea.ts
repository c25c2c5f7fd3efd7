import { type Static, Type } from "@sinclair/typebox";
import { defaultProperty, defineFieldSchema, requiredProperty } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { checkLiteralDefault } from "../literal-default.js";
import { TEXT_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";
import { coerceText } from "../text-coercion.js";

export const TEXTAREA_DEFAULT_MAX_LENGTH = 32_768;
export const TEXTAREA_MAX_LENGTH_LIMIT = 131_072;

const textareaOptions = {
  ...requiredProperty,
  ...defaultProperty(Type.String({ maxLength: TEXTAREA_MAX_LENGTH_LIMIT })),
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: TEXTAREA_MAX_LENGTH_LIMIT })),
};

export const textareaFieldSchema = defineFieldSchema("textarea", textareaOptions);
export type TextareaField = Static<typeof textareaFieldSchema>;

const maxLengthOf = (field: TextareaField): number => field.maxLength ?? TEXTAREA_DEFAULT_MAX_LENGTH;

/** Plain text over several lines. */
export const textareaField: FieldTypeDescriptor<TextareaField> = {
  type: "textarea",
  label: { en: "Long text", "zh-CN": "多行文本" },
  category: "text",
  source: "input",
  schema: textareaFieldSchema,
  optionsSchema: defineOptionsSchema(textareaOptions),
  toJsonSchema: (field) => ({ type: "string", maxLength: maxLengthOf(field) }),
  toUiSchema: () => ({ "ui:widget": "textarea", "ui:options": { rows: 4 } }),
  coerce: (value, field) => coerceText(value, maxLengthOf(field)),
  operators: TEXT_OPERATORS,
  indexHint: "text",
  check: (field) => checkLiteralDefault(field, textareaField.coerce),
};
