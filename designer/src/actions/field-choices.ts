import {
  descriptorOf,
  type FieldDefinition,
  type LocalizedText,
  type ObjectDefinition,
  type Template,
} from "@tessera/metadata";

/** A field an action, trigger or approver may name: declared on the object, or a system field. */
export interface FieldChoice {
  name: string;
  label: LocalizedText;
  type: string;
}

/** The labels of the system fields metadata may read; they are not declared on objects. */
const SYSTEM_USER_FIELDS: readonly FieldChoice[] = [
  { name: "ownerId", label: { en: "Owner", "zh-CN": "所有人" }, type: "user" },
  { name: "createdBy", label: { en: "Created by", "zh-CN": "创建人" }, type: "user" },
  { name: "updatedBy", label: { en: "Last modified by", "zh-CN": "最后修改人" }, type: "user" },
];

const SYSTEM_DATE_FIELDS: readonly FieldChoice[] = [
  { name: "createdAt", label: { en: "Created at", "zh-CN": "创建时间" }, type: "datetime" },
  { name: "updatedAt", label: { en: "Last modified at", "zh-CN": "最后修改时间" }, type: "datetime" },
];

const choiceOf = (field: FieldDefinition): FieldChoice => ({
  name: field.name,
  label: field.label,
  type: field.type,
});

const fieldsOf = (object: ObjectDefinition | undefined): readonly FieldDefinition[] => object?.fields ?? [];

/** Fields a user or an action may write: declared fields whose value is entered, not computed. */
export const writableFields = (object: ObjectDefinition | undefined): FieldDefinition[] =>
  fieldsOf(object).filter((field) => descriptorOf(field).source === "input");

const holdsUser = (field: FieldDefinition): boolean =>
  field.type === "user" || (field.type === "lookup" && field.reference === "user");

/** Fields holding a user (approvers, recipients): user fields, lookups to users, owner and editors. */
export const userFields = (object: ObjectDefinition | undefined): FieldChoice[] => [
  ...fieldsOf(object).filter(holdsUser).map(choiceOf),
  ...SYSTEM_USER_FIELDS,
];

/** Fields a notification may be addressed through: user fields and e-mail fields. */
export const recipientFields = (object: ObjectDefinition | undefined): FieldChoice[] => [
  ...fieldsOf(object)
    .filter((field) => holdsUser(field) || field.type === "email")
    .map(choiceOf),
  ...SYSTEM_USER_FIELDS,
];

/** Date and date/time fields, which scheduled and SLA triggers count from. */
export const dateFields = (object: ObjectDefinition | undefined): FieldChoice[] => [
  ...fieldsOf(object)
    .filter((field) => field.type === "date" || field.type === "datetime")
    .map(choiceOf),
  ...SYSTEM_DATE_FIELDS,
];

/** Every field a trigger may watch: the declared ones and the readable system fields. */
export const watchableFields = (object: ObjectDefinition | undefined): FieldChoice[] => [
  ...fieldsOf(object).map(choiceOf),
  ...SYSTEM_USER_FIELDS,
  ...SYSTEM_DATE_FIELDS,
];

/** Templates a notification may render for records of `object`: email and notification ones. */
export const messageTemplates = (templates: readonly Template[], object: string | undefined): Template[] =>
  templates.filter(
    (template) =>
      (template.purpose === "email" || template.purpose === "notification") &&
      (template.object === undefined || template.object === object),
  );

/** Templates a webhook may post for records of `object`: any purpose, for that object or any. */
export const payloadTemplates = (templates: readonly Template[], object: string | undefined): Template[] =>
  templates.filter((template) => template.object === undefined || template.object === object);

/**
 * The definition of a field the record has, declared or system, for picking values of it: system
 * fields are not declared, so theirs is built from their type (user or date/time).
 */
export const definitionOf = (
  object: ObjectDefinition | undefined,
  name: string,
): FieldDefinition | undefined => {
  const declared = fieldsOf(object).find((field) => field.name === name);
  if (declared !== undefined) return declared;
  const system = [...SYSTEM_USER_FIELDS, ...SYSTEM_DATE_FIELDS].find((field) => field.name === name);
  if (system === undefined) return undefined;
  return system.type === "user"
    ? { name: system.name, label: system.label, type: "user" }
    : { name: system.name, label: system.label, type: "datetime" };
};
