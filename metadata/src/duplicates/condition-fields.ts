import type { DuplicateCondition } from "../kinds/duplicate-rule.js";
import type { ObjectDefinition } from "../kinds/object.js";
import { valueTypeOf } from "../reports/field-value-type.js";
import type { MatchNormalizer } from "./normalize.js";

/** Value types a duplicate rule may compare (after valueTypeOf: a formula counts as its return type). */
export const COMPARABLE_TYPES: ReadonlySet<string> = new Set([
  "text",
  "textarea",
  "email",
  "phone",
  "url",
  "picklist",
  "lookup",
  "masterDetail",
  "user",
  "date",
  "datetime",
  "number",
  "currency",
  "percent",
  "boolean",
  "autoNumber",
]);

/** Value types holding free text: the only ones a fuzzy match or a text-like normaliser applies to. */
export const TEXT_LIKE_TYPES: ReadonlySet<string> = new Set(["text", "textarea", "email", "phone", "url"]);

/** The normaliser a condition without one uses: by the field's type, `exact` for anything but text. */
export const defaultNormalizer = (valueType: string | undefined): MatchNormalizer => {
  switch (valueType) {
    case "email":
      return "email";
    case "phone":
      return "phone";
    case "text":
    case "textarea":
      return "text";
    default:
      return "exact";
  }
};

/** The normaliser a condition compares values with: its own, else its field type's default. */
export const conditionNormalizer = (
  object: ObjectDefinition,
  condition: DuplicateCondition,
): MatchNormalizer => condition.normalizer ?? defaultNormalizer(valueTypeOf(object, condition.field));
