import { type Static, Type } from "@sinclair/typebox";
import { defaultProperty, defineFieldSchema, requiredProperty } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { REFERENCE_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";
import {
  coerceRecordId,
  RECORD_ID_MAX_LENGTH,
  RECORD_ID_PATTERN,
  recordIdSchema,
} from "../record-reference.js";

/** The object every user field references. */
export const USER_OBJECT = "user";

const userOptions = {
  ...requiredProperty,
  ...defaultProperty(Type.String({ pattern: RECORD_ID_PATTERN, maxLength: RECORD_ID_MAX_LENGTH })),
};

export const userFieldSchema = defineFieldSchema("user", userOptions);
export type UserField = Static<typeof userFieldSchema>;

/** A reference to a user of the tenant (an account manager, a reviewer); the value is the user's id. */
export const userField: FieldTypeDescriptor<UserField> = {
  type: "user",
  label: { en: "User", "zh-CN": "用户" },
  category: "relationship",
  source: "input",
  schema: userFieldSchema,
  optionsSchema: defineOptionsSchema(userOptions),
  toJsonSchema: () => recordIdSchema(),
  toUiSchema: () => ({ "ui:widget": "lookup", "ui:options": { reference: USER_OBJECT } }),
  coerce: coerceRecordId,
  operators: REFERENCE_OPERATORS,
  indexHint: "value",
};
