import type {
  Automation,
  FieldDefinition,
  JsonValue,
  LocalizedText,
  ObjectDefinition,
  Trigger,
} from "@tessera/metadata";
import { startingValue } from "../actions/action-defaults.js";
import { dateFields, watchableFields } from "../actions/field-choices.js";

export type TriggerType = Trigger["type"];

export const TRIGGER_TYPES: readonly TriggerType[] = [
  "create",
  "update",
  "createOrUpdate",
  "fieldChange",
  "scheduled",
  "sla",
];

/**
 * A new automation: active, firing when a record is created, with no actions yet (the engine
 * requires one, and points at the empty list until the admin adds it).
 */
export const newAutomation = (created: {
  name: string;
  label: LocalizedText;
  object: string;
}): Automation => ({
  kind: "automation",
  name: created.name,
  object: created.object,
  label: created.label,
  active: true,
  trigger: { type: "create" },
  actions: [],
});

/** The trigger a newly chosen type starts as, watching the first suitable field of the object. */
export const triggerOfType = (type: TriggerType, object: ObjectDefinition | undefined): Trigger => {
  switch (type) {
    case "create":
    case "update":
    case "createOrUpdate":
      return { type };
    case "fieldChange":
      return { type, field: watchableFields(object)[0]?.name ?? "ownerId" };
    case "scheduled":
      return {
        type,
        field: dateFields(object)[0]?.name ?? "createdAt",
        offset: { amount: 1, unit: "days" },
        direction: "before",
      };
    case "sla":
      return { type, after: { amount: 1, unit: "days" } };
  }
};

type FieldChangeTrigger = Extract<Trigger, { type: "fieldChange" }>;

/** A field-change trigger watching `field`: from/to values of the previous field no longer apply. */
export const watchField = (field: string): FieldChangeTrigger => ({ type: "fieldChange", field });

/**
 * Turns the trigger's "from" or "to" value on (with a value the field accepts) or off (any value
 * then matches).
 */
export const withChangeBound = (
  trigger: FieldChangeTrigger,
  bound: "from" | "to",
  value: JsonValue | undefined,
): FieldChangeTrigger => {
  const { [bound]: _old, ...rest } = trigger;
  return value === undefined ? rest : { ...rest, [bound]: value };
};

/** The value a "from"/"to" bound starts with when the admin turns it on. */
export const startingBound = (field: FieldDefinition | undefined): JsonValue => startingValue(field);

type SlaTrigger = Extract<Trigger, { type: "sla" }>;

/** Sets or clears the field an SLA is counted from (absent: the record's createdAt). */
export const withSlaFrom = (trigger: SlaTrigger, from: string | undefined): SlaTrigger => {
  const { from: _old, ...rest } = trigger;
  return from === undefined ? rest : { ...rest, from };
};

/** Sets or clears the rule under which a record counts as resolved (the SLA then never fires). */
export const withSlaUnless = (trigger: SlaTrigger, unless: JsonValue | undefined): SlaTrigger => {
  const { unless: _old, ...rest } = trigger;
  return unless === undefined ? rest : { ...rest, unless };
};

/** Sets or clears the automation's condition. */
export const withCondition = (automation: Automation, condition: JsonValue | undefined): Automation => {
  const { condition: _old, ...rest } = automation;
  return condition === undefined ? rest : { ...rest, condition };
};

/** Sets the run-as user, or clears it: then the user whose change fired the automation. */
export const withRunAs = (automation: Automation, user: string | undefined): Automation => {
  const { runAs: _old, ...rest } = automation;
  return user === undefined || user === "" ? rest : { ...rest, runAs: user };
};
