import type { FieldDefinition, Locale, LocalizedText } from "@tessera/metadata";
import { localize, SYSTEM_FIELD_DISPLAY } from "@tessera/metadata";
import { referencedObjectOf } from "../records/check-references.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";

/** What a report needs to know about one field it groups or measures by. */
export interface ReportField {
  name: string;
  label: LocalizedText;
  /** The declared field; absent for a system field. */
  definition?: FieldDefinition;
  /** The value type as reports see it: a formula's return type, `user` for ownerId, ... */
  type: string;
  /** The object whose records the value names (lookup, master-detail, user fields). */
  target?: string;
}

const systemReportField = (name: string): Omit<ReportField, "name"> | undefined => {
  if (name === "tenant" || !Object.hasOwn(SYSTEM_FIELD_DISPLAY, name)) return undefined;
  const { type, label } = SYSTEM_FIELD_DISPLAY[name as keyof typeof SYSTEM_FIELD_DISPLAY];
  return type === "user" ? { label, type, target: "user" } : { label, type };
};

/** The field `name` of `object` as a report uses it; undefined when the object has no such field. */
export const reportField = (object: CompiledObject, name: string): ReportField | undefined => {
  const definition = object.fields.get(name);
  if (definition !== undefined) {
    const type = definition.type === "formula" ? definition.returnType : definition.type;
    const target =
      definition.type === "lookup" || definition.type === "masterDetail" || definition.type === "user"
        ? referencedObjectOf(definition)
        : undefined;
    return { name, label: definition.label, definition, type, ...(target !== undefined && { target }) };
  }
  const system = systemReportField(name);
  return system === undefined ? undefined : { name, ...system };
};

export const fieldLabel = (field: ReportField, locale: Locale): string =>
  localize(field.label, locale) ?? field.name;
