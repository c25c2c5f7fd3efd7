import type { FieldDefinition, Locale, LocalizedText } from "@tessera/metadata";
import { localize } from "@tessera/metadata";
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

const SYSTEM_REPORT_FIELDS: Readonly<Record<string, Omit<ReportField, "name">>> = {
  id: { label: { en: "ID", "zh-CN": "ID" }, type: "text" },
  version: { label: { en: "Version", "zh-CN": "版本" }, type: "number" },
  ownerId: { label: { en: "Owner", "zh-CN": "所有人" }, type: "user", target: "user" },
  createdBy: { label: { en: "Created by", "zh-CN": "创建人" }, type: "user", target: "user" },
  updatedBy: { label: { en: "Last modified by", "zh-CN": "最后修改人" }, type: "user", target: "user" },
  createdAt: { label: { en: "Created", "zh-CN": "创建时间" }, type: "datetime" },
  updatedAt: { label: { en: "Last modified", "zh-CN": "最后修改时间" }, type: "datetime" },
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
  const system = Object.hasOwn(SYSTEM_REPORT_FIELDS, name) ? SYSTEM_REPORT_FIELDS[name] : undefined;
  return system === undefined ? undefined : { name, ...system };
};

export const fieldLabel = (field: ReportField, locale: Locale): string =>
  localize(field.label, locale) ?? field.name;
