import type { ObjectDefinition, Role, Template } from "@tessera/metadata";
import type { ActionSetting, DirectoryUser } from "../../../designer/src/actions/action-defaults.js";
import {
  checkbox,
  date,
  email,
  formula,
  lookup,
  number,
  option,
  picklist,
  text,
  user,
} from "../../metadata/builders.js";

/** A deal: what approvals and automations in these tests run on. */
export const deal: ObjectDefinition = {
  kind: "object",
  name: "deal",
  label: { en: "Deal", "zh-CN": "商机" },
  pluralLabel: { en: "Deals", "zh-CN": "商机" },
  recordName: "title",
  sharingModel: "private",
  fields: [
    text("title", { label: { en: "Title" }, required: true }),
    number("amount", { label: { en: "Amount" } }),
    picklist("stage", {
      label: { en: "Stage", "zh-CN": "阶段" },
      options: [
        option("open", "Open", "进行中"),
        option("won", "Won", "赢单"),
        option("lost", "Lost", "输单"),
      ],
    }),
    checkbox("approved", { label: { en: "Approved" } }),
    user("reviewer", { label: { en: "Reviewer" } }),
    lookup("sponsor", { label: { en: "Sponsor" }, reference: "user" }),
    email("contactEmail", { label: { en: "Contact e-mail" } }),
    date("closeDate", { label: { en: "Close date" } }),
    formula("doubled", {
      label: { en: "Doubled" },
      expression: { "*": [{ var: "amount" }, 2] },
      returnType: "number",
    }),
  ],
};

/** A task: what a created record may be. */
export const task: ObjectDefinition = {
  kind: "object",
  name: "followUp",
  label: { en: "Follow-up" },
  pluralLabel: { en: "Follow-ups" },
  recordName: "subject",
  sharingModel: "private",
  fields: [
    text("subject", { label: { en: "Subject" }, required: true }),
    picklist("urgency", {
      label: { en: "Urgency" },
      required: true,
      options: [option("low", "Low"), option("high", "High")],
    }),
    text("notes", { label: { en: "Notes" } }),
  ],
};

export const financeRole: Role = { kind: "role", name: "finance", label: { en: "Finance", "zh-CN": "财务" } };

export const reviewedTemplate: Template = {
  kind: "template",
  name: "dealReviewed",
  label: { en: "Deal reviewed" },
  object: "deal",
  purpose: "notification",
  subject: { en: "{{record.title}} reviewed" },
  body: { en: "The deal {{record.title}} was reviewed." },
};

export const printTemplate: Template = {
  kind: "template",
  name: "dealSheet",
  label: { en: "Deal sheet" },
  object: "deal",
  purpose: "print",
  body: { en: "<h1>{{record.title}}</h1>" },
};

export const otherObjectTemplate: Template = {
  kind: "template",
  name: "followUpMail",
  label: { en: "Follow-up mail" },
  object: "followUp",
  purpose: "email",
  subject: { en: "Follow up" },
  body: { en: "Please follow up." },
};

export const ada: DirectoryUser = { id: "u1", username: "admin", name: "Ada Admin" };
export const bob: DirectoryUser = { id: "u2", username: "bob", name: "Bob Brown" };

/** The setting of an approval process on deals, with everything on offer. */
export const dealSetting = (extra: Partial<ActionSetting> = {}): ActionSetting => ({
  object: deal,
  objects: [deal, task],
  templates: [reviewedTemplate, printTemplate, otherObjectTemplate],
  roles: [financeRole],
  users: [ada, bob],
  groups: ["salesQueue"],
  hasSubmitter: true,
  packages: ["sales"],
  ...extra,
});

/** The record API's answer for the users directory. */
export const usersPage = {
  records: [
    { id: "u1", username: "admin", name: "Ada Admin" },
    { id: "u2", username: "bob", name: "Bob Brown" },
  ],
  nextCursor: null,
};
