import type { TriggerType } from "./automation-model.js";
import type { AutomationTextKey } from "./automation-texts.js";

/** How each kind of trigger is named in lists and menus. */
export const TRIGGER_LABELS: Record<TriggerType, AutomationTextKey> = {
  create: "trigger.create",
  update: "trigger.update",
  createOrUpdate: "trigger.createOrUpdate",
  fieldChange: "trigger.fieldChange",
  scheduled: "trigger.scheduled",
  sla: "trigger.sla",
};
