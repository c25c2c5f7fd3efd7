import { type Static, Type } from "@sinclair/typebox";
import { ExpressionSchema, NAME_PATTERN } from "../fields/field-base.js";
import { LocalizedTextSchema } from "../i18n/localized-text.js";
import { pointer } from "../issues/metadata-issue.js";
import type { SemanticCheck } from "../validate/check-context.js";
import {
  type ActionScope,
  checkFieldUpdate,
  checkLiteralValue,
  checkNotify,
  checkWebhook,
  checkWritableField,
} from "./action-checks.js";
import { FieldUpdateActionSchema, NotifyActionSchema, WebhookActionSchema } from "./actions.js";
import {
  ActionValueSchema,
  type ExpressionSite,
  expressionOfValue,
  GroupNameSchema,
  issueCollector,
  keyedRecord,
  NameSchema,
  UserReferenceSchema,
} from "./common.js";
import { isDateField, isReadableField, needsValueOnCreate } from "./object-fields.js";
import { PACKAGE_NAME_PATTERN } from "./package.js";

const TimeUnitSchema = Type.Union([Type.Literal("minutes"), Type.Literal("hours"), Type.Literal("days")]);

export const DurationSchema = Type.Object(
  { amount: Type.Integer({ minimum: 0, maximum: 100_000 }), unit: TimeUnitSchema },
  { additionalProperties: false },
);
export type Duration = Static<typeof DurationSchema>;

/**
 * When the automation runs. `fieldChange` fires when `field` changes (optionally from/to given
 * values); `scheduled` at a time before or after a date field; `sla` when a record is still not
 * resolved `after` a while, counted from `from` (createdAt when absent), unless `unless` holds.
 */
export const TriggerSchema = Type.Union([
  Type.Object({ type: Type.Literal("create") }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal("update") }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal("createOrUpdate") }, { additionalProperties: false }),
  Type.Object(
    {
      type: Type.Literal("fieldChange"),
      field: NameSchema,
      from: Type.Optional(Type.Unknown()),
      to: Type.Optional(Type.Unknown()),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal("scheduled"),
      field: NameSchema,
      offset: DurationSchema,
      direction: Type.Union([Type.Literal("before"), Type.Literal("after")]),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal("sla"),
      after: DurationSchema,
      from: Type.Optional(NameSchema),
      unless: Type.Optional(ExpressionSchema),
    },
    { additionalProperties: false },
  ),
]);
export type Trigger = Static<typeof TriggerSchema>;

/** Creates a record of `object`; values are literals or `{"expression": ...}` on the triggering record. */
export const CreateRecordActionSchema = Type.Object(
  {
    type: Type.Literal("createRecord"),
    object: NameSchema,
    values: keyedRecord(NAME_PATTERN, ActionValueSchema, 500),
  },
  { additionalProperties: false },
);
export type CreateRecordAction = Static<typeof CreateRecordActionSchema>;

export const AssignmentRuleSchema = Type.Object(
  { when: ExpressionSchema, owner: UserReferenceSchema },
  { additionalProperties: false },
);

/** `rules`: the first rule whose `when` holds names the owner (none: unchanged); `roundRobin`: the next member of `group`. */
export const AssignOwnerActionSchema = Type.Union([
  Type.Object(
    {
      type: Type.Literal("assignOwner"),
      strategy: Type.Literal("rules"),
      rules: Type.Array(AssignmentRuleSchema, { minItems: 1, maxItems: 100 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal("assignOwner"), strategy: Type.Literal("roundRobin"), group: GroupNameSchema },
    { additionalProperties: false },
  ),
]);
export type AssignOwnerAction = Static<typeof AssignOwnerActionSchema>;

/**
 * An action a plugin registered (`api.action(name, ...)`), run after the write with the run-as
 * user's permissions; `params` are the plugin's, checked against its schema when it runs.
 */
export const PluginActionSchema = Type.Object(
  {
    type: Type.Literal("plugin"),
    package: Type.String({ pattern: PACKAGE_NAME_PATTERN }),
    action: NameSchema,
    params: Type.Optional(keyedRecord(NAME_PATTERN, Type.Unknown(), 100)),
  },
  { additionalProperties: false },
);
export type PluginAction = Static<typeof PluginActionSchema>;

export const AutomationActionSchema = Type.Union([
  FieldUpdateActionSchema,
  CreateRecordActionSchema,
  AssignOwnerActionSchema,
  NotifyActionSchema,
  WebhookActionSchema,
  PluginActionSchema,
]);
export type AutomationAction = Static<typeof AutomationActionSchema>;

export const AutomationSchema = Type.Object(
  {
    kind: Type.Literal("automation"),
    name: NameSchema,
    object: NameSchema,
    label: LocalizedTextSchema,
    description: Type.Optional(LocalizedTextSchema),
    active: Type.Boolean(),
    /**
     * The user whose access the automation's records, notifications and webhook payloads are
     * limited to; absent: the user whose change triggered it (for scheduled and SLA triggers, the
     * record's owner when the time comes).
     */
    runAs: Type.Optional(UserReferenceSchema),
    trigger: TriggerSchema,
    /** Checked when the trigger fires (for scheduled triggers: when the time comes). */
    condition: Type.Optional(ExpressionSchema),
    actions: Type.Array(AutomationActionSchema, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type Automation = Static<typeof AutomationSchema>;

/**
 * Expressions, all rules on the automation's object (the triggering record): `condition`,
 * `trigger.unless`, `actions[].rules[].when`, and action values written as `{"expression": ...}`
 * (`actions[].value`, `actions[].values.<field>`; path to that `expression`).
 */
export const expressionsOfAutomation = (doc: Automation): ExpressionSite[] => {
  const sites: ExpressionSite[] = [];
  const add = (path: string, expression: unknown) =>
    sites.push({ path, expression, object: doc.object, mode: "rule" });
  if (doc.condition !== undefined) add("/condition", doc.condition);
  if (doc.trigger.type === "sla" && doc.trigger.unless !== undefined)
    add("/trigger/unless", doc.trigger.unless);
  doc.actions.forEach((action, a) => {
    if (action.type === "fieldUpdate") {
      const computed = expressionOfValue(action.value);
      if (computed !== undefined) add(pointer("actions", a, "value", "expression"), computed.expression);
    }
    if (action.type === "createRecord") {
      for (const [field, value] of Object.entries(action.values)) {
        const computed = expressionOfValue(value);
        if (computed !== undefined)
          add(pointer("actions", a, "values", field, "expression"), computed.expression);
      }
    }
    if (action.type === "assignOwner" && action.strategy === "rules") {
      action.rules.forEach((rule, r) => {
        add(pointer("actions", a, "rules", r, "when"), rule.when);
      });
    }
  });
  return sites;
};

const checkTrigger = (trigger: Trigger, scope: ActionScope): void => {
  const { object, report } = scope;
  if (object === undefined) return;
  const field = trigger.type === "sla" ? trigger.from : "field" in trigger ? trigger.field : undefined;
  const at = trigger.type === "sla" ? "from" : "field";
  if (field === undefined) return;
  if (!isReadableField(object, field)) {
    report(["trigger", at], "automation.unknownField", `Object "${object.name}" has no field "${field}".`);
  } else if ((trigger.type === "scheduled" || trigger.type === "sla") && !isDateField(object, field)) {
    report(["trigger", at], "automation.notDateField", `Field "${field}" is not a date or date/time field.`);
  }
};

const checkCreateRecord = (action: CreateRecordAction, a: number, scope: ActionScope): void => {
  const target = scope.ctx.objects.get(action.object);
  if (target === undefined) {
    scope.report(
      ["actions", a, "object"],
      "automation.unknownObject",
      `Object "${action.object}" does not exist.`,
    );
    return;
  }
  for (const [field, value] of Object.entries(action.values)) {
    checkWritableField(target, field, ["actions", a, "values", field], scope);
    checkLiteralValue(target, field, value, ["actions", a, "values", field], scope);
  }
  for (const field of target.fields) {
    if (needsValueOnCreate(field) && !Object.hasOwn(action.values, field.name)) {
      scope.report(
        ["actions", a, "values"],
        "automation.missingRequiredField",
        `Required field "${field.name}" of "${action.object}" has no value.`,
      );
    }
  }
};

/**
 * Expressions (checked by the lead via expressionsOfAutomation, not here), all general rules on
 * the automation's object: `condition`, `trigger.unless`, `actions[].rules[].when`, and action
 * values written as `{"expression": ...}` in `actions[].value` and `actions[].values.<field>`.
 */
export const checkAutomation: SemanticCheck<Automation> = (doc, ctx) => {
  const { issues, report } = issueCollector(doc);
  const object = ctx.objects.get(doc.object);
  if (object === undefined) {
    report(["object"], "automation.unknownObject", `Object "${doc.object}" does not exist.`);
  }
  const scope: ActionScope = { prefix: "automation", object, hasSubmitter: false, ctx, report };
  checkTrigger(doc.trigger, scope);
  doc.actions.forEach((action, a) => {
    switch (action.type) {
      case "fieldUpdate":
        checkFieldUpdate(action, ["actions", a], scope);
        break;
      case "createRecord":
        checkCreateRecord(action, a, scope);
        break;
      case "notify":
        checkNotify(action, ["actions", a], scope);
        break;
      case "webhook":
        checkWebhook(action, ["actions", a], scope);
        break;
      case "plugin":
        if (ctx.find("package", action.package) === undefined)
          report(
            ["actions", a, "package"],
            "automation.unknownPackage",
            `No package "${action.package}" is installed to run "${action.action}".`,
          );
        break;
      case "assignOwner":
        break;
    }
  });
  return issues;
};
