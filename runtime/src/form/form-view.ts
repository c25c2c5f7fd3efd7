import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import type { CompiledForm } from "@tessera/metadata";
import type { FieldStates } from "./form-conditions.js";

export interface FormView {
  schema: RJSFSchema;
  uiSchema: UiSchema;
}

const asObject = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/** A field's widget the form replaces: files are attached on the record page, not typed in. */
const fieldUi = (ui: Record<string, unknown>, readOnly: boolean): Record<string, unknown> => {
  const next: Record<string, unknown> = { ...ui };
  if (next["ui:widget"] === "file") {
    delete next["ui:widget"];
    next["ui:field"] = "fileSummary";
  }
  if (readOnly) next["ui:readonly"] = true;
  return next;
};

/**
 * The schema and uiSchema rjsf renders for the current rule results: fields a rule hides are left
 * out (their values stay in the form data, unvalidated), fields a rule requires join `required`,
 * and fields the user may not edit, or a rule locks, are read-only.
 */
export const formView = (
  compiled: CompiledForm,
  editable: ReadonlySet<string>,
  states: FieldStates,
): FormView => {
  const hidden = new Set(states.hidden);
  const readOnly = new Set(states.readOnly);
  const properties: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(asObject(compiled.schema.properties))) {
    if (!hidden.has(name)) properties[name] = property;
  }
  const shown = (name: string) => Object.hasOwn(properties, name);
  const required = [...new Set([...asStrings(compiled.schema.required), ...states.required])].filter(shown);
  const uiSchema: UiSchema = {};
  for (const [key, value] of Object.entries(compiled.uiSchema)) {
    if (key.startsWith("ui:")) continue;
    if (!shown(key)) continue;
    uiSchema[key] = fieldUi(asObject(value), !editable.has(key) || readOnly.has(key));
  }
  uiSchema["ui:order"] = asStrings(compiled.uiSchema["ui:order"]).filter(shown);
  if (compiled.uiSchema["ui:readonly"] === true) uiSchema["ui:readonly"] = true;
  return { schema: { ...compiled.schema, properties, required } as RJSFSchema, uiSchema };
};
