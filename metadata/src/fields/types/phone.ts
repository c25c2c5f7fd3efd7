import { type Static, Type } from "@sinclair/typebox";
import { accepted, refused } from "../coercion.js";
import { defaultProperty, defineFieldSchema, requiredProperty, uniqueProperty } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { checkLiteralDefault } from "../literal-default.js";
import { TEXT_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";
import { readText } from "../text-coercion.js";

export const PHONE_MAX_LENGTH = 40;
/**
 * The stored form: an optional "+", groups of digits, "(", ")" and "-" separated by single spaces,
 * and an optional extension written " ext. 123". Groups cannot contain a space, so matching is linear.
 */
export const PHONE_PATTERN = "^\\+?[0-9()-]+(?: [0-9()-]+)*(?: ext\\. [0-9]{1,10})?$";
const PHONE_NUMBER = /^\+?[0-9()-]+(?: [0-9()-]+)*$/;
// "x123", "ext 123", "ext. 123", "#123" and the Chinese "转123" all mark an extension.
const EXTENSION = /^(.*?)\s*(?:ext\.?|x|#|转)\s*([0-9]{1,10})$/i;
const MIN_DIGITS = 3;
const MAX_DIGITS = 20;

const phoneOptions = {
  ...requiredProperty,
  ...uniqueProperty,
  ...defaultProperty(Type.String({ maxLength: PHONE_MAX_LENGTH })),
};

export const phoneFieldSchema = defineFieldSchema("phone", phoneOptions);
export type PhoneField = Static<typeof phoneFieldSchema>;

const invalidPhone = () =>
  refused("field.invalidPhone", "Enter a phone number: digits, spaces, +, -, ( ) and an optional extension.");

const coercePhone = (value: unknown) => {
  const raw = readText(value);
  // Whitespace may shrink when normalised, but not by this much in a real phone number.
  if (raw === undefined || raw.length > 4 * PHONE_MAX_LENGTH) return invalidPhone();
  // Full-width digits and brackets (（+86）) as ASCII, and a country code written in brackets before
  // the number, common in Chinese address books ("(+86)138…"), as the usual "+86 138…".
  const text = raw
    .normalize("NFKC")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\(\+([0-9]{1,4})\) ?/, "+$1 ");
  if (text.length > PHONE_MAX_LENGTH) return invalidPhone();
  const extension = EXTENSION.exec(text);
  const number = extension?.[1] ?? text;
  const digits = number.replace(/[^0-9]/g, "").length;
  if (!PHONE_NUMBER.test(number) || digits < MIN_DIGITS || digits > MAX_DIGITS) return invalidPhone();
  const stored = extension === null ? number : `${number} ext. ${extension[2]}`;
  return stored.length > PHONE_MAX_LENGTH ? invalidPhone() : accepted(stored);
};

/** A phone number as people write it; whitespace is normalised, letters are refused. */
export const phoneField: FieldTypeDescriptor<PhoneField> = {
  type: "phone",
  label: { en: "Phone", "zh-CN": "电话" },
  category: "text",
  source: "input",
  schema: phoneFieldSchema,
  optionsSchema: defineOptionsSchema(phoneOptions),
  toJsonSchema: () => ({ type: "string", maxLength: PHONE_MAX_LENGTH, pattern: PHONE_PATTERN }),
  toUiSchema: () => ({ "ui:options": { inputType: "tel" } }),
  coerce: coercePhone,
  operators: TEXT_OPERATORS,
  indexHint: "value",
  check: (field) => checkLiteralDefault(field, phoneField.coerce),
};
