import type { FieldDefinition, LocalizedText, SystemField } from "@tessera/metadata";

type ShownAs = "text" | "number" | "user" | "datetime";

/** System fields a layout or list view may show, with the type they are shown as and their label. */
const SYSTEM_FIELDS: Partial<Record<SystemField, { type: ShownAs; label: LocalizedText }>> = {
  id: { type: "text", label: { en: "Record ID", "zh-CN": "记录 ID" } },
  version: { type: "number", label: { en: "Version", "zh-CN": "版本" } },
  ownerId: { type: "user", label: { en: "Owner", "zh-CN": "所有者" } },
  createdAt: { type: "datetime", label: { en: "Created", "zh-CN": "创建时间" } },
  createdBy: { type: "user", label: { en: "Created by", "zh-CN": "创建人" } },
  updatedAt: { type: "datetime", label: { en: "Last modified", "zh-CN": "最后修改时间" } },
  updatedBy: { type: "user", label: { en: "Last modified by", "zh-CN": "最后修改人" } },
};

/** A field definition standing for a system field (for display only); undefined for other names. */
export const systemFieldDefinition = (name: string): FieldDefinition | undefined => {
  const known = Object.hasOwn(SYSTEM_FIELDS, name) ? SYSTEM_FIELDS[name as SystemField] : undefined;
  return known === undefined
    ? undefined
    : ({ name, type: known.type, label: known.label } as FieldDefinition);
};

/** System fields holding a user id: shown by the user's name where the reader may see it. */
export const isSystemUserField = (name: string): boolean =>
  name === "ownerId" || name === "createdBy" || name === "updatedBy";
