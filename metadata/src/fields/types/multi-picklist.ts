import { type Static, Type } from "@sinclair/typebox";
import { accepted, refused } from "../coercion.js";
import { defaultProperty, defineFieldSchema, requiredProperty } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { literalDefault } from "../literal-default.js";
import { MULTI_CHOICE_OPERATORS } from "../operator-sets.js";
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

// Each item is looked up among up to 1000 options: bounding both bounds the work per value.
const MAX_INPUT_ITEMS = 1000;
const MAX_INPUT_LENGTH = 100_000;
// Up to this many options the form shows checkboxes; more would not fit, so a multi-select list.
const CHECKBOX_LIMIT = 10;

const multiPicklistOptions = {
  ...requiredProperty,
  ...defaultProperty(Type.Array(PicklistValueSchema, { maxItems: MAX_INPUT_ITEMS })),
  options: PicklistOptionsSchema,
  maxSelections: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
};

export const multiPicklistFieldSchema = defineFieldSchema("multiPicklist", multiPicklistOptions);
export type MultiPicklistField = Static<typeof multiPicklistFieldSchema>;

const readItems = (value: unknown): unknown[] | undefined => {
  if (Array.isArray(value)) return value.length > MAX_INPUT_ITEMS ? undefined : value;
  if (typeof value === "string" && value.length <= MAX_INPUT_LENGTH) {
    const items = value
      .split(";")
      .map((item) => item.trim())
      .filter((item) => item !== "");
    return items.length > MAX_INPUT_ITEMS ? undefined : items;
  }
  return undefined;
};

/** Values (or labels) as an array or "a;b;c"; stored without duplicates, in option order. */
const coerceMultiPicklist = (value: unknown, field: MultiPicklistField) => {
  const items = readItems(value);
  if (items === undefined) {
    return refused("field.notAList", 'Choose options as a list, or as one text separated by ";".');
  }
  const chosen = new Set<string>();
  for (const item of items) {
    const found = typeof item === "string" ? findOptionValue(field.options, item) : undefined;
    if (found === undefined)
      return notAnOption(field.options, typeof item === "string" ? item : String(item));
    chosen.add(found);
  }
  return accepted(
    field.options.map((option) => option.value).filter((optionValue) => chosen.has(optionValue)),
  );
};

/** Several values from a list of options, stored as an array of values. */
export const multiPicklistField: FieldTypeDescriptor<MultiPicklistField> = {
  type: "multiPicklist",
  label: { en: "Multi-select picklist", "zh-CN": "多选列表" },
  category: "choice",
  source: "input",
  schema: multiPicklistFieldSchema,
  optionsSchema: defineOptionsSchema(multiPicklistOptions),
  toJsonSchema: (field) => ({
    type: "array",
    items: {
      type: "string",
      maxLength: PICKLIST_VALUE_MAX_LENGTH,
      enum: field.options.map((option) => option.value),
    },
    uniqueItems: true,
    maxItems: field.maxSelections ?? field.options.length,
  }),
  toUiSchema: (field, locale) => {
    const disabled = inactiveValues(field.options);
    return {
      "ui:widget": field.options.length <= CHECKBOX_LIMIT ? "checkboxes" : "select",
      "ui:enumNames": optionLabels(field.options, locale),
      ...(disabled === undefined ? {} : { "ui:enumDisabled": disabled }),
    };
  },
  coerce: coerceMultiPicklist,
  operators: MULTI_CHOICE_OPERATORS,
  indexHint: "value",
  check: (field) => {
    const values = literalDefault(field);
    return [
      ...checkDuplicateValues(field.options),
      ...(Array.isArray(values)
        ? values.flatMap((value: unknown, index) =>
            typeof value === "string" ? checkDefaultInOptions(field.options, value, `/default/${index}`) : [],
          )
        : []),
    ];
  },
};
