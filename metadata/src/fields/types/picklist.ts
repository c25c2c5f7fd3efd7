import type { Static } from "@sinclair/typebox";
import { accepted } from "../coercion.js";
import { defaultProperty, defineFieldSchema, requiredProperty } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { literalDefault } from "../literal-default.js";
import { CHOICE_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";
import {
  checkDefaultInOptions,
  checkDuplicateValues,
  findOptionValue,
  inactiveValues,
  notAnOption,
  optionLabels,
  PICKLIST_VALUE_MAX_LENGTH,
  PicklistOptionsSchema,
  PicklistValueSchema,
} from "../picklist-options.js";
import { notText, readText } from "../text-coercion.js";

const picklistOptions = {
  ...requiredProperty,
  ...defaultProperty(PicklistValueSchema),
  options: PicklistOptionsSchema,
};

export const picklistFieldSchema = defineFieldSchema("picklist", picklistOptions);
export type PicklistField = Static<typeof picklistFieldSchema>;

const coercePicklist = (value: unknown, field: PicklistField) => {
  const text = readText(value);
  if (text === undefined) return notText();
  const found = text.length > 1000 ? undefined : findOptionValue(field.options, text);
  return found === undefined ? notAnOption(field.options, text) : accepted(found);
};

/**
 * One value from a list of options. The record schema allows inactive values too: records written
 * before an option was retired keep it, and forms show it disabled.
 */
export const picklistField: FieldTypeDescriptor<PicklistField> = {
  type: "picklist",
  label: { en: "Picklist", "zh-CN": "选项列表" },
  category: "choice",
  source: "input",
  schema: picklistFieldSchema,
  optionsSchema: defineOptionsSchema(picklistOptions),
  toJsonSchema: (field) => ({
    type: "string",
    maxLength: PICKLIST_VALUE_MAX_LENGTH,
    enum: field.options.map((option) => option.value),
  }),
  toUiSchema: (field, locale) => {
    const disabled = inactiveValues(field.options);
    return {
      "ui:widget": "select",
      "ui:enumNames": optionLabels(field.options, locale),
      ...(disabled === undefined ? {} : { "ui:enumDisabled": disabled }),
    };
  },
  coerce: coercePicklist,
  operators: CHOICE_OPERATORS,
  indexHint: "value",
  check: (field) => {
    const value = literalDefault(field);
    return [
      ...checkDuplicateValues(field.options),
      ...(typeof value === "string" ? checkDefaultInOptions(field.options, value, "/default") : []),
    ];
  },
};
