import type {
  ApprovalAction,
  AutomationAction,
  FieldDefinition,
  JsonValue,
  ObjectDefinition,
  Recipient,
  Role,
  Template,
} from "@tessera/metadata";
import { messageTemplates, recipientFields, writableFields } from "./field-choices.js";

export type ActionType = AutomationAction["type"];
export type RecipientType = Recipient["type"];

/** The actions an approval process accepts, in menu order. */
export const APPROVAL_ACTION_TYPES: readonly ApprovalAction["type"][] = ["fieldUpdate", "notify", "webhook"];

/** The actions an automation accepts, in menu order. */
export const AUTOMATION_ACTION_TYPES: readonly ActionType[] = [
  "fieldUpdate",
  "notify",
  "webhook",
  "createRecord",
  "assignOwner",
  "plugin",
];

export const RECIPIENT_TYPES: readonly RecipientType[] = [
  "owner",
  "submitter",
  "user",
  "role",
  "group",
  "field",
  "email",
];

/** A user of the tenant as the designer offers it: metadata names users by username. */
export interface DirectoryUser {
  id: string;
  username: string;
  name: string;
}

/** What an action may refer to where it runs. */
export interface ActionSetting {
  /** The object of the record the action runs on (undefined while none is chosen). */
  object: ObjectDefinition | undefined;
  objects: readonly ObjectDefinition[];
  templates: readonly Template[];
  roles: readonly Role[];
  users: readonly DirectoryUser[];
  /** Group names of the tenant (public groups and queues are data, not metadata). */
  groups: readonly string[];
  /** Approval processes know who submitted the record; automations do not. */
  hasSubmitter: boolean;
  /** Names of the packages installed (their `package` documents), whose plugins offer actions. */
  packages: readonly string[];
}

export const isApprovalAction = (action: AutomationAction): action is ApprovalAction =>
  action.type === "fieldUpdate" || action.type === "notify" || action.type === "webhook";

/**
 * The value a newly chosen field starts with: one the field accepts where the type has an obvious
 * one (a picklist's first active option, Yes, zero), else empty (null) for the admin to fill in.
 */
export const startingValue = (field: FieldDefinition | undefined): JsonValue => {
  if (field === undefined) return null;
  switch (field.type) {
    case "boolean":
      return true;
    case "number":
    case "currency":
    case "percent":
      return 0;
    case "picklist": {
      const option = field.options.find((o) => o.active !== false) ?? field.options[0];
      return option?.value ?? null;
    }
    case "multiPicklist": {
      const option = field.options.find((o) => o.active !== false) ?? field.options[0];
      return option === undefined ? [] : [option.value];
    }
    default:
      return null;
  }
};

/** The recipient a new row of this type starts as: the first role, user or field on offer. */
export const recipientOfType = (type: RecipientType, setting: ActionSetting): Recipient => {
  switch (type) {
    case "owner":
      return { type: "owner" };
    case "submitter":
      return { type: "submitter" };
    case "user":
      return { type: "user", user: setting.users[0]?.username ?? "" };
    case "role":
      return { type: "role", role: setting.roles[0]?.name ?? "" };
    case "group":
      return { type: "group", group: setting.groups[0] ?? "" };
    case "field":
      return { type: "field", field: recipientFields(setting.object)[0]?.name ?? "ownerId" };
    case "email":
      return { type: "email", address: "" };
  }
};

/** Values a created record of `object` needs: each required input field, with a starting value. */
export const requiredValues = (object: ObjectDefinition | undefined): Record<string, JsonValue> =>
  Object.fromEntries(
    writableFields(object)
      .filter(
        (field) =>
          (field.type === "masterDetail" || ("required" in field && field.required === true)) &&
          !("default" in field && field.default !== undefined),
      )
      .map((field) => [field.name, startingValue(field)]),
  );

/**
 * A new action of `type`, filled in as far as the setting allows: the first writable field and
 * a value it accepts, the first message template for the object, the submitter (approvals) or
 * the owner as recipient. What cannot be guessed (a webhook's address) starts empty, and the
 * engine's check points the admin at it.
 */
export const defaultAction = (type: ActionType, setting: ActionSetting): AutomationAction => {
  switch (type) {
    case "fieldUpdate": {
      const field = writableFields(setting.object)[0];
      return { type, field: field?.name ?? "", value: startingValue(field) };
    }
    case "notify":
      return {
        type,
        template: messageTemplates(setting.templates, setting.object?.name)[0]?.name ?? "",
        to: [setting.hasSubmitter ? { type: "submitter" } : { type: "owner" }],
      };
    case "webhook":
      return { type, url: "" };
    case "createRecord": {
      const target = setting.object;
      return { type, object: target?.name ?? "", values: requiredValues(target) };
    }
    case "assignOwner":
      return {
        type,
        strategy: "rules",
        rules: [{ when: true, owner: setting.users[0]?.username ?? "" }],
      };
    case "plugin":
      return { type, package: setting.packages[0] ?? "", action: "" };
  }
};
