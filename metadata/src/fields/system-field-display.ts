import type { LocalizedText } from "../i18n/localized-text.js";
import type { SystemField } from "./field-base.js";

/** How a system field is shown: the field type it displays as, and its label. */
export interface SystemFieldDisplay {
  type: "text" | "number" | "user" | "datetime";
  label: LocalizedText;
}

/**
 * The system fields a layout, list, export, report or template may show, with one label each, so
 * every screen and file calls them the same (`tenant` is never shown).
 */
export const SYSTEM_FIELD_DISPLAY: Readonly<Record<Exclude<SystemField, "tenant">, SystemFieldDisplay>> = {
  id: { type: "text", label: { en: "Record ID", "zh-CN": "记录 ID" } },
  version: { type: "number", label: { en: "Version", "zh-CN": "版本" } },
  ownerId: { type: "user", label: { en: "Owner", "zh-CN": "所有人" } },
  createdAt: { type: "datetime", label: { en: "Created", "zh-CN": "创建时间" } },
  createdBy: { type: "user", label: { en: "Created by", "zh-CN": "创建人" } },
  updatedAt: { type: "datetime", label: { en: "Last modified", "zh-CN": "最后修改时间" } },
  updatedBy: { type: "user", label: { en: "Last modified by", "zh-CN": "最后修改人" } },
};
