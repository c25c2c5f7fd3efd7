import type { Layout, LayoutItem, LayoutSection, ObjectDefinition } from "@tessera/metadata";

/** The object the layout designer's tests lay out: a required name, a date, a picklist, a lookup. */
export const siteVisit = (): ObjectDefinition => ({
  kind: "object",
  name: "siteVisit",
  label: { en: "Site visit", "zh-CN": "现场拜访" },
  pluralLabel: { en: "Site visits", "zh-CN": "现场拜访" },
  recordName: "name",
  sharingModel: "private",
  fields: [
    { name: "name", type: "text", label: { en: "Visit name", "zh-CN": "拜访名称" }, required: true },
    { name: "visitDate", type: "date", label: { en: "Visit date", "zh-CN": "拜访日期" } },
    {
      name: "status",
      type: "picklist",
      label: { en: "Status", "zh-CN": "状态" },
      options: [
        { value: "planned", label: { en: "Planned", "zh-CN": "已计划" } },
        { value: "done", label: { en: "Done", "zh-CN": "已完成" } },
      ],
    },
    { name: "notes", type: "textarea", label: { en: "Notes", "zh-CN": "备注" } },
    { name: "account", type: "lookup", label: { en: "Account", "zh-CN": "客户" }, reference: "account" },
  ],
});

/** An object with lookups to site visits: its related lists. */
export const visitReport = (): ObjectDefinition => ({
  kind: "object",
  name: "visitReport",
  label: { en: "Visit report", "zh-CN": "拜访报告" },
  pluralLabel: { en: "Visit reports", "zh-CN": "拜访报告" },
  recordName: "title",
  sharingModel: "private",
  fields: [
    { name: "title", type: "text", label: { en: "Title", "zh-CN": "标题" } },
    { name: "visit", type: "lookup", label: { en: "Visit", "zh-CN": "拜访" }, reference: "siteVisit" },
    { name: "summary", type: "textarea", label: { en: "Summary" } },
    {
      name: "followUp",
      type: "lookup",
      label: { en: "Follow-up of", "zh-CN": "跟进" },
      reference: "siteVisit",
    },
  ],
});

export const section = (id: string, columns: 1 | 2 | 3, items: LayoutItem[]): LayoutSection => ({
  id,
  label: { en: id },
  columns,
  items,
});

/** A layout of site visits with these sections. */
export const layoutOf = (...sections: LayoutSection[]): Layout => ({
  kind: "layout",
  name: "visitLayout",
  object: "siteVisit",
  label: { en: "Visit layout" },
  sections,
});
