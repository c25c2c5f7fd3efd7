import type { FieldDefinition, LocalizedText } from "@tessera/metadata";
import { isSystemField, NAME_REGEX } from "@tessera/metadata";
import { nameFromLabel, uniqueName } from "../editing/name-from-label.js";
import { NEW_FIELD_PATTERN, newFieldLabel } from "./new-field.js";

/** Why an API name cannot be used: `empty`, `pattern` (not camelCase ASCII), `system`, `taken`. */
export type NameProblem = "empty" | "pattern" | "system" | "taken";

/** The problem with `name` for a new object or field, checked as the admin types. */
export const apiNameProblem = (
  name: string,
  taken: ReadonlySet<string>,
  system: (name: string) => boolean = () => false,
): NameProblem | undefined => {
  if (name === "") return "empty";
  if (!NAME_REGEX.test(name)) return "pattern";
  if (system(name)) return "system";
  if (taken.has(name)) return "taken";
  return undefined;
};

/** The problem with a field's API name: also refuses the fields every record carries (`ownerId`). */
export const fieldNameProblem = (name: string, otherNames: ReadonlySet<string>) =>
  apiNameProblem(name, otherNames, isSystemField);

/** The API name a label gives among `taken` names (system field names count as taken). */
export const derivedFieldName = (label: string, taken: ReadonlySet<string>): string => {
  const base = nameFromLabel(label, "field");
  return uniqueName(isSystemField(base) ? `${base}Field` : base, taken);
};

/**
 * Whether a field's API name still follows its English label: never once published (records and
 * other metadata use it), and otherwise as long as the admin has not chosen a name of their own:
 * it is still the palette's `newField...` or what its label gives.
 */
export const followsLabel = (
  field: FieldDefinition,
  otherNames: ReadonlySet<string>,
  published: ReadonlySet<string>,
): boolean =>
  !published.has(field.name) &&
  (NEW_FIELD_PATTERN.test(field.name) || field.name === derivedFieldName(field.label.en, otherNames));

/** The field with a new label, and the API name that follows it when `followsLabel`. */
export const relabelField = (
  field: FieldDefinition,
  label: LocalizedText,
  otherNames: ReadonlySet<string>,
  published: ReadonlySet<string>,
): FieldDefinition => {
  const follows = followsLabel(field, otherNames, published) && label.en.trim() !== "";
  // The palette's Chinese placeholder ("新建日期字段") must not outlive the English label it stood
  // beside: users of zh-CN would see "New Date field" in Chinese. Without a translation the
  // runtime shows the English label.
  const placeholder = newFieldLabel(field.type)["zh-CN"];
  const next = label["zh-CN"] === placeholder && label.en !== field.label.en ? { en: label.en } : label;
  return { ...field, label: next, ...(follows ? { name: derivedFieldName(label.en, otherNames) } : {}) };
};
