import { type Static, Type } from "@sinclair/typebox";
import { accepted, refused } from "../coercion.js";
import { defaultProperty, defineFieldSchema, requiredProperty, uniqueProperty } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { checkLiteralDefault } from "../literal-default.js";
import { TEXT_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";
import { readText } from "../text-coercion.js";

/** RFC 5321's limit on a forward path. */
export const EMAIL_MAX_LENGTH = 254;
const LOCAL_PART_MAX_LENGTH = 64;
// Dot-atoms only (no quoted local parts): a subset of what ajv-formats' "email" accepts, so every
// coerced address also passes the record schema. The dot is outside the character class, so
// matching is linear.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const emailOptions = {
  ...requiredProperty,
  ...uniqueProperty,
  ...defaultProperty(Type.String({ maxLength: EMAIL_MAX_LENGTH })),
};

export const emailFieldSchema = defineFieldSchema("email", emailOptions);
export type EmailField = Static<typeof emailFieldSchema>;

const invalidEmail = () => refused("field.invalidEmail", "Enter an e-mail address such as name@example.com.");

/** A trimmed address with its domain lower-cased (the local part is case-sensitive by RFC 5321). */
const coerceEmail = (value: unknown) => {
  const text = readText(value)?.trim();
  if (text === undefined || text.length > EMAIL_MAX_LENGTH) return invalidEmail();
  const at = text.lastIndexOf("@");
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase();
  const labels = domain.split(".");
  const valid =
    at > 0 &&
    local.length <= LOCAL_PART_MAX_LENGTH &&
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label));
  return valid ? accepted(`${local}@${domain}`) : invalidEmail();
};

/** An e-mail address. International (non-ASCII) addresses are refused: many mail systems reject them. */
export const emailField: FieldTypeDescriptor<EmailField> = {
  type: "email",
  label: { en: "Email", "zh-CN": "电子邮件" },
  category: "text",
  source: "input",
  schema: emailFieldSchema,
  optionsSchema: defineOptionsSchema(emailOptions),
  toJsonSchema: () => ({ type: "string", maxLength: EMAIL_MAX_LENGTH, format: "email" }),
  toUiSchema: () => ({ "ui:widget": "email" }),
  coerce: coerceEmail,
  operators: TEXT_OPERATORS,
  indexHint: "value",
  check: (field) => checkLiteralDefault(field, emailField.coerce),
};
