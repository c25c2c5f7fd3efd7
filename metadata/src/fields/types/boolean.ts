import { type Static, Type } from "@sinclair/typebox";
import { accepted, refused } from "../coercion.js";
import { defaultProperty, defineFieldSchema } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { BOOLEAN_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";

const booleanOptions = defaultProperty(Type.Boolean());

export const booleanFieldSchema = defineFieldSchema("boolean", booleanOptions);
export type BooleanField = Static<typeof booleanFieldSchema>;

const TRUE_WORDS: ReadonlySet<string> = new Set(["true", "yes", "1", "是"]);
const FALSE_WORDS: ReadonlySet<string> = new Set(["false", "no", "0", "否"]);

const coerceBoolean = (value: unknown) => {
  if (typeof value === "boolean") return accepted(value);
  if (value === 1 || value === 0) return accepted(value === 1);
  if (typeof value === "string" && value.length <= 10) {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return accepted(true);
    if (FALSE_WORDS.has(word)) return accepted(false);
  }
  return refused("field.notABoolean", "Enter yes or no (true or false).");
};

/**
 * A checkbox. Has no `required`: an unticked box is `false`, so "required" would mean "must be
 * ticked", which a validation rule says more clearly.
 */
export const booleanField: FieldTypeDescriptor<BooleanField> = {
  type: "boolean",
  label: { en: "Checkbox", "zh-CN": "复选框" },
  category: "choice",
  source: "input",
  schema: booleanFieldSchema,
  optionsSchema: defineOptionsSchema(booleanOptions),
  toJsonSchema: () => ({ type: "boolean" }),
  toUiSchema: () => ({ "ui:widget": "checkbox" }),
  coerce: coerceBoolean,
  operators: BOOLEAN_OPERATORS,
  indexHint: "value",
};
