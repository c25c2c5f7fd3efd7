import { type Static, Type } from "@sinclair/typebox";
import { type Locale, LocalizedTextSchema, localize } from "../i18n/localized-text.js";
import { refused } from "./coercion.js";
import type { Coercion } from "./field-type-descriptor.js";
import type { FieldIssue } from "./literal-default.js";

/** Option values are stable codes (stored on records, used in filters); labels are what people see. */
export const PICKLIST_VALUE_PATTERN = "^[A-Za-z0-9_.-]{1,80}$";
export const PICKLIST_VALUE_MAX_LENGTH = 80;
const MAX_OPTIONS = 1000;

export const PicklistOptionSchema = Type.Object(
  {
    value: Type.String({ pattern: PICKLIST_VALUE_PATTERN, maxLength: PICKLIST_VALUE_MAX_LENGTH }),
    label: LocalizedTextSchema,
    color: Type.Optional(Type.String({ pattern: "^#[0-9A-Fa-f]{6}$" })),
    /** Inactive options are no longer offered in forms but remain valid on existing records. */
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PicklistOption = Static<typeof PicklistOptionSchema>;

export const PicklistOptionsSchema = Type.Array(PicklistOptionSchema, { minItems: 1, maxItems: MAX_OPTIONS });

/** The `default` of a picklist: one value; a multi-select picklist's default is a list of them. */
export const PicklistValueSchema = Type.String({ maxLength: PICKLIST_VALUE_MAX_LENGTH });

export const isActiveOption = (option: PicklistOption): boolean => option.active !== false;

const labelsOf = (option: PicklistOption): string[] =>
  [option.label.en, option.label["zh-CN"]].filter((label): label is string => label !== undefined);

/**
 * The option value `input` names: a value exactly, else a label in any locale, ignoring case and
 * surrounding spaces ("Closed won", "赢单"). Inactive options match too: old records keep them.
 */
export const findOptionValue = (options: readonly PicklistOption[], input: string): string | undefined => {
  const exact = options.find((option) => option.value === input);
  if (exact !== undefined) return exact.value;
  const wanted = input.trim().toLowerCase();
  return options.find((option) => labelsOf(option).some((label) => label.trim().toLowerCase() === wanted))
    ?.value;
};

const LISTED_VALUES = 20;

/** Refusal naming the active values, so an importer can fix the input. */
export const notAnOption = (options: readonly PicklistOption[], input: string): Coercion => {
  const values = options.filter(isActiveOption).map((option) => option.value);
  const listed = values.slice(0, LISTED_VALUES).join(", ");
  const more = values.length > LISTED_VALUES ? `, and ${values.length - LISTED_VALUES} more` : "";
  return refused(
    "field.notAnOption",
    `"${input.slice(0, 80)}" is not an option. Choose one of: ${listed}${more}.`,
  );
};

/** Option labels in `locale`, in option order (rjsf's `ui:enumNames`). */
export const optionLabels = (options: readonly PicklistOption[], locale: Locale): string[] =>
  options.map((option) => localize(option.label, locale) ?? option.value);

/** Values of inactive options (rjsf's `ui:enumDisabled`), or undefined when every option is active. */
export const inactiveValues = (options: readonly PicklistOption[]): string[] | undefined => {
  const values = options.filter((option) => !isActiveOption(option)).map((option) => option.value);
  return values.length === 0 ? undefined : values;
};

/** Each option value at most once. */
export const checkDuplicateValues = (options: readonly PicklistOption[]): FieldIssue[] => {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  options.forEach((option, index) => {
    if (seen.has(option.value)) {
      issues.push({
        path: `/options/${index}/value`,
        code: "picklist.duplicateValue",
        message: `The option value "${option.value}" is used more than once.`,
      });
    }
    seen.add(option.value);
  });
  return issues;
};

/** A default value must be one of the option values (not a label). */
export const checkDefaultInOptions = (
  options: readonly PicklistOption[],
  value: string,
  path: string,
): FieldIssue[] =>
  options.some((option) => option.value === value)
    ? []
    : [
        {
          path,
          code: "picklist.defaultNotInOptions",
          message: `The default value "${value}" is not one of the options.`,
        },
      ];
