import { type Static, Type } from "@sinclair/typebox";
import { defaultProperty, defineFieldSchema, requiredProperty, uniqueProperty } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { checkLiteralDefault } from "../literal-default.js";
import { TEXT_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";
import { coerceText } from "../text-coercion.js";

/** Longest text when the definition sets no `maxLength`. */
export const TEXT_DEFAULT_MAX_LENGTH = 255;
export const TEXT_MAX_LENGTH_LIMIT = 10_000;

const textOptions = {
  ...requiredProperty,
  ...uniqueProperty,
  ...defaultProperty(Type.String({ maxLength: TEXT_MAX_LENGTH_LIMIT })),
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: TEXT_MAX_LENGTH_LIMIT })),
};

export const textFieldSchema = defineFieldSchema("text", textOptions);
export type TextField = Static<typeof textFieldSchema>;

const maxLengthOf = (field: TextField): number => field.maxLength ?? TEXT_DEFAULT_MAX_LENGTH;

/** A single line of text. */
export const textField: FieldTypeDescriptor<TextField> = {
  type: "text",
  label: { en: "Text", "zh-CN": "文本" },
  category: "text",
  source: "input",
  schema: textFieldSchema,
  optionsSchema: defineOptionsSchema(textOptions),
  toJsonSchema: (field) => ({ type: "string", maxLength: maxLengthOf(field) }),
  toUiSchema: () => ({}),
  coerce: (value, field) => coerceText(value, maxLengthOf(field)),
  operators: TEXT_OPERATORS,
  indexHint: "text",
  check: (field) => checkLiteralDefault(field, textField.coerce),
};
