import type { FieldDefinition } from "../fields/registry.js";
import { descriptorOf } from "../fields/registry.js";
import { type Locale, localize } from "../i18n/localized-text.js";
import type { JsonSchema, UiSchema } from "../json/json-types.js";
import type { Layout } from "../kinds/layout.js";
import type { ObjectDefinition } from "../kinds/object.js";

/** Which screen the form is for: generated and computed fields are not offered on create. */
export type FormMode = "create" | "edit" | "read";

/** Conditions the runtime evaluates live with the shared rule evaluator (and the server re-checks). */
export interface FieldConditions {
  visibleWhen?: unknown;
  requiredWhen?: unknown;
  readOnlyWhen?: unknown;
}

/** One section as the runtime's object-field template lays it out: fields per column. */
export interface FormSection {
  id: string;
  title: string;
  columns: number;
  collapsed: boolean;
  fields: string[][];
}

export interface CompiledForm {
  schema: JsonSchema;
  uiSchema: UiSchema;
  sections: FormSection[];
  conditions: Record<string, FieldConditions>;
}

export interface FormOptions {
  locale: Locale;
  mode: FormMode;
}

const isStoredRequired = (field: FieldDefinition): boolean =>
  field.type === "masterDetail" || ("required" in field && field.required === true);

const fieldSchema = (field: FieldDefinition, locale: Locale): JsonSchema => {
  const schema: JsonSchema = {
    ...descriptorOf(field).toJsonSchema(field),
    title: localize(field.label, locale),
  };
  return schema;
};

const fieldUiSchema = (field: FieldDefinition, options: FormOptions): UiSchema => {
  const descriptor = descriptorOf(field);
  const ui: UiSchema = { ...descriptor.toUiSchema(field, options.locale) };
  const help = localize(field.helpText, options.locale);
  if (help !== undefined) ui["ui:help"] = help;
  if (options.mode === "read" || descriptor.source !== "input") ui["ui:readonly"] = true;
  return ui;
};

/**
 * Compiles a layout of `object` into what react-jsonschema-form renders: a JSON Schema of the
 * placed fields with localised titles, a uiSchema (widgets, help texts, order, read-only), the
 * section/column arrangement and the per-field live conditions. Labels are data, never HTML.
 */
export const compileLayoutForm = (
  layout: Layout,
  object: ObjectDefinition,
  options: FormOptions,
): CompiledForm => {
  const fieldsByName = new Map(object.fields.map((f) => [f.name, f]));
  const properties: Record<string, JsonSchema> = {};
  const uiSchema: UiSchema = {};
  const required: string[] = [];
  const order: string[] = [];
  const conditions: Record<string, FieldConditions> = {};
  const sections: FormSection[] = [];

  for (const section of layout.sections) {
    const columns: string[][] = Array.from({ length: section.columns }, () => []);
    section.items.forEach((item, index) => {
      const field = fieldsByName.get(item.field);
      if (field === undefined || properties[field.name] !== undefined) return;
      if (options.mode === "create" && descriptorOf(field).source !== "input") return;
      properties[field.name] = fieldSchema(field, options.locale);
      uiSchema[field.name] = fieldUiSchema(field, options);
      if (isStoredRequired(field) && descriptorOf(field).source === "input") required.push(field.name);
      order.push(field.name);
      const column = Math.min(item.column ?? index % section.columns, section.columns - 1);
      columns[column]?.push(field.name);
      const { visibleWhen, requiredWhen, readOnlyWhen } = item;
      if (visibleWhen !== undefined || requiredWhen !== undefined || readOnlyWhen !== undefined) {
        conditions[field.name] = {
          ...(visibleWhen !== undefined && { visibleWhen }),
          ...(requiredWhen !== undefined && { requiredWhen }),
          ...(readOnlyWhen !== undefined && { readOnlyWhen }),
        };
      }
    });
    sections.push({
      id: section.id,
      title: localize(section.label, options.locale) ?? section.id,
      columns: section.columns,
      collapsed: section.collapsed === true,
      fields: columns,
    });
  }

  uiSchema["ui:order"] = order;
  if (options.mode === "read") uiSchema["ui:readonly"] = true;
  const schema: JsonSchema = {
    type: "object",
    title: localize(object.label, options.locale),
    properties,
    required,
  };
  return { schema, uiSchema, sections, conditions };
};
