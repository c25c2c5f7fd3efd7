import type { LocalizedText, ObjectDefinition, ValidationRule } from "@tessera/metadata";
import { moveItem } from "../dnd/move-item.js";
import { nameFromLabel, uniqueName } from "../editing/name-from-label.js";

const FALLBACK_NAME = "rule";

const namesExcept = (rules: readonly ValidationRule[], index: number): Set<string> =>
  new Set(rules.filter((_, i) => i !== index).map((r) => r.name));

/** The name a rule at `index` gets from its message: its English text in lower camel case, unique. */
const derivedName = (rules: readonly ValidationRule[], index: number, message: LocalizedText | undefined) =>
  uniqueName(nameFromLabel(message?.en ?? "", FALLBACK_NAME), namesExcept(rules, index));

/** `object` with `rules`; an object without rules has no `validationRules` at all. */
export const withRules = (object: ObjectDefinition, rules: ValidationRule[]): ObjectDefinition => {
  const { validationRules: _, ...rest } = object;
  return rules.length === 0 ? rest : { ...rest, validationRules: rules };
};

/**
 * A new rule at the end, with no condition and no message yet: the engine reports both as missing
 * until the admin fills them in, on their controls.
 */
export const addRule = (rules: readonly ValidationRule[]): ValidationRule[] => [
  ...rules,
  {
    name: uniqueName(FALLBACK_NAME, new Set(rules.map((r) => r.name))),
    errorWhen: undefined,
    message: { en: "" },
  },
];

export const removeRule = (rules: readonly ValidationRule[], index: number): ValidationRule[] =>
  rules.filter((_, i) => i !== index);

export const moveRule = (rules: readonly ValidationRule[], from: number, to: number): ValidationRule[] =>
  moveItem(rules, from, to);

/** The rule at `index` changed by `patch`; an undefined value removes that key. */
export const changeRule = (
  rules: readonly ValidationRule[],
  index: number,
  patch: Partial<ValidationRule>,
): ValidationRule[] =>
  rules.map((rule, i) => {
    if (i !== index) return rule;
    const next: Record<string, unknown> = { ...rule };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined && key !== "errorWhen") delete next[key];
      else next[key] = value;
    }
    return next as ValidationRule;
  });

/**
 * A new message for the rule at `index`. The name follows the message (`nameFromLabel`) for as
 * long as it is the name the previous message gave, i.e. until the admin edits the name.
 */
export const changeMessage = (
  rules: readonly ValidationRule[],
  index: number,
  message: LocalizedText,
): ValidationRule[] => {
  const rule = rules[index];
  if (rule === undefined) return [...rules];
  const follows = rule.name === derivedName(rules, index, rule.message);
  return changeRule(
    rules,
    index,
    follows ? { message, name: derivedName(rules, index, message) } : { message },
  );
};
