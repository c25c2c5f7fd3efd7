import type { FieldDefinition } from "@tessera/metadata";
import {
  autoNumber,
  checkbox,
  currency,
  date,
  datetime,
  email,
  file,
  formula,
  geolocation,
  lookup,
  multiPicklist,
  number,
  option,
  percent,
  phone,
  picklist,
  richText,
  rollupSummary,
  text,
  textarea,
  time,
  url,
  user,
} from "../../metadata/builders.js";

/** One field of every type a condition may test, named after what it holds. */
export const status = picklist("status", {
  label: { en: "Status", "zh-CN": "状态" },
  options: [option("planned", "Planned", "计划中"), option("done", "Done", "已完成")],
});
export const visitDate = date("visitDate", { label: { en: "Visit date", "zh-CN": "拜访日期" } });
export const subject = text("subject", { label: { en: "Subject" } });
export const amount = number("amount", { label: { en: "Amount" } });
export const urgent = checkbox("urgent", { label: { en: "Urgent" } });
export const startsAt = datetime("startsAt", { label: { en: "Starts at" } });
export const opensAt = time("opensAt", { label: { en: "Opens at" } });
export const tags = multiPicklist("tags", {
  label: { en: "Tags" },
  options: [option("vip", "VIP"), option("new", "New")],
});
export const account = lookup("account", { reference: "account", label: { en: "Account" } });
export const owner = user("owner", { label: { en: "Owner" } });
export const notes = richText("notes");
export const location = geolocation("location");

export const ALL_FIELDS: readonly FieldDefinition[] = [
  status,
  visitDate,
  subject,
  amount,
  urgent,
  startsAt,
  opensAt,
  tags,
  account,
  owner,
  notes,
  location,
  textarea("details"),
  email("email"),
  phone("phone"),
  url("website"),
  currency("price"),
  percent("discount"),
  autoNumber("code", { format: "V-{0000}" }),
  formula("total", { expression: { "*": [{ var: "amount" }, 2] }, returnType: "number" }),
  rollupSummary("lineCount", { childObject: "line", relationshipField: "visit", operation: "count" }),
  file("photo"),
];
