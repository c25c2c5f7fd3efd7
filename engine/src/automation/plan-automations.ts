import {
  type AutomationAction,
  coerceFieldValue,
  type JsonObject,
  type JsonValue,
  type Trigger,
} from "@tessera/metadata";
import { EngineError } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import { newRecordId } from "../records/record-id.js";
import { ruleData, truthy } from "../records/rule-data.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import type { StoredRecord } from "../store/store-port.js";
import type { AutomationLogEntry, NewJob } from "../store/work-types.js";
import { type ActionSource, notifyJob, pluginActionJob, webhookJob } from "./action-jobs.js";
import { assignOwner } from "./assign-owner.js";
import type { CompiledAutomation } from "./compiled-automation.js";
import { scheduleTimers } from "./schedule-timers.js";

/** Automation chains (an automation's write triggering another's) stop at this depth. */
export const MAX_AUTOMATION_DEPTH = 5;

/** A create or update about to be written; automations may change `values` and `system.ownerId`. */
export interface SaveEvent {
  kind: "create" | "update";
  object: CompiledObject;
  /** Field values and system fields before the write (update only). */
  before?: JsonObject;
  values: JsonObject;
  system: StoredRecord;
}

export interface AutomationPlan {
  /**
   * Jobs of the actions that run after the write, and timers to set or cancel: computed from the
   * record as finally written.
   */
  effectsFor(record: StoredRecord): { jobs: NewJob[]; cancelJobs: string[] };
  log: AutomationLogEntry[];
  /** Whether an automation changed the values or the owner (computed fields must be computed again). */
  changed: boolean;
}

const same = (a: JsonValue | undefined, b: JsonValue | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const triggered = (trigger: Trigger, event: SaveEvent): boolean => {
  switch (trigger.type) {
    case "create":
      return event.kind === "create";
    case "update":
      return event.kind === "update";
    case "createOrUpdate":
      return true;
    case "fieldChange": {
      if (event.kind !== "update" || event.before === undefined) return false;
      const from = event.before[trigger.field];
      const to = event.values[trigger.field];
      if (same(from, to)) return false;
      if (trigger.from !== undefined && !same(from, trigger.from as JsonValue)) return false;
      return trigger.to === undefined || same(to, trigger.to as JsonValue);
    }
    default:
      return false;
  }
};

const logEntry = (
  ctx: RecordContext,
  automation: CompiledAutomation,
  recordId: string,
  status: AutomationLogEntry["status"],
  message: string,
): AutomationLogEntry => ({
  id: newRecordId(ctx.now()),
  at: ctx.now().toISOString(),
  kind: "automation",
  name: automation.definition.name,
  object: automation.definition.object,
  recordId,
  status,
  message,
});

/** Applies a same-record field update; a value the field refuses fails the whole write (422). */
export const applyFieldUpdate = (
  object: CompiledObject,
  values: JsonObject,
  field: string,
  value: JsonValue,
  who: string,
): void => {
  const definition = object.fields.get(field);
  if (definition === undefined) return;
  const coerced = coerceFieldValue(definition, value);
  if (!coerced.ok) {
    throw new EngineError(422, "invalid", `${who} could not set "${field}"`, [
      { path: `/${field}`, code: coerced.code, message: `${who}: ${coerced.message}` },
    ]);
  }
  if (coerced.value === null) delete values[field];
  else values[field] = coerced.value;
};

/**
 * Runs the record-triggered automations of a write before it is stored: same-record field updates
 * and owner assignment change the values being written; other actions become jobs written in the
 * same atomic write. Each automation fires at most once per write (so none retriggers itself);
 * field updates may make others fire, for a few rounds. Timed automations get their timers.
 */
export const planAutomations = async (ctx: RecordContext, event: SaveEvent): Promise<AutomationPlan> => {
  const automations = ctx.automation === false ? [] : (ctx.metadata.automations.get(event.object.name) ?? []);
  const depth = ctx.automationDepth ?? 0;
  const log: AutomationLogEntry[] = [];
  const deferred: Array<{ automation: CompiledAutomation; action: AutomationAction; index: number }> = [];
  const fired = new Set<string>();
  const recordId = event.system.id;
  let anyChange = false;
  for (let round = 0; round < MAX_AUTOMATION_DEPTH; round++) {
    let changed = false;
    for (const automation of automations) {
      const name = automation.definition.name;
      if (fired.has(name) || !triggered(automation.definition.trigger, event)) continue;
      const data = ruleData(ctx, { ...event.system, ...event.values }, event.before);
      if (automation.condition !== undefined && !truthy(automation.condition(data))) continue;
      fired.add(name);
      if (depth >= MAX_AUTOMATION_DEPTH) {
        log.push(
          logEntry(
            ctx,
            automation,
            recordId,
            "failed",
            `Stopped: automations triggered each other ${depth} times in a row (limit ${MAX_AUTOMATION_DEPTH}); check for a loop.`,
          ),
        );
        continue;
      }
      for (const [index, action] of automation.definition.actions.entries()) {
        if (action.type === "fieldUpdate") {
          const value = automation.values[index]?.get(action.field)?.(data) ?? null;
          const before = event.values[action.field];
          applyFieldUpdate(event.object, event.values, action.field, value, `Automation "${name}"`);
          changed ||= !same(before, event.values[action.field]);
        } else if (action.type === "assignOwner") {
          const owner = await assignOwner(ctx, automation, index, action, data);
          if (owner !== undefined && owner !== event.system.ownerId) {
            event.system.ownerId = owner;
            changed = true;
          }
        } else {
          deferred.push({ automation, action, index });
        }
      }
      log.push(logEntry(ctx, automation, recordId, "ok", `Ran on ${event.kind}.`));
    }
    anyChange ||= changed;
    if (!changed) break;
  }
  const timed = automations.filter(
    (a) => a.definition.trigger.type === "scheduled" || a.definition.trigger.type === "sla",
  );
  return {
    log,
    changed: anyChange,
    effectsFor: (record) => {
      const timers = scheduleTimers(
        timed,
        record,
        event.before,
        depth,
        () => newRecordId(ctx.now()),
        ctx.now(),
      );
      const actions = deferred.map(({ automation, action, index }) =>
        actionJob(ctx, automation, action, index, record, depth, event),
      );
      return { jobs: [...timers.jobs, ...actions], cancelJobs: timers.cancel };
    },
  };
};

/**
 * The job of an action that runs after the write (notify, webhook, create a record), its values
 * computed on `record` as written (`before`: the record before the write, for `$previous`).
 */
export const actionJob = (
  ctx: RecordContext,
  automation: CompiledAutomation,
  action: AutomationAction,
  index: number,
  record: StoredRecord,
  depth: number,
  event: { kind: string; before?: JsonObject },
): NewJob => {
  const now = ctx.now();
  const source: ActionSource = { kind: "automation", name: automation.definition.name, event: event.kind };
  const base = {
    id: newRecordId(now),
    now: now.toISOString(),
    object: automation.definition.object,
    record,
    source,
    runAs: ctx.actor.userId,
    ...(automation.definition.runAs !== undefined && { runAsUsername: automation.definition.runAs }),
  };
  if (action.type === "notify") return notifyJob(base, action);
  if (action.type === "webhook") return webhookJob(base, action);
  if (action.type === "plugin") return pluginActionJob(base, action);
  if (action.type !== "createRecord") throw new Error(`Action ${action.type} runs before the write`);
  const data = ruleData(ctx, record, event.before);
  const values: JsonObject = {};
  for (const [field, value] of automation.values[index] ?? []) values[field] = value(data);
  return {
    id: base.id,
    kind: "createRecord",
    dueAt: base.now,
    payload: {
      automation: automation.definition.name,
      object: action.object,
      values,
      runAs: ctx.actor.userId,
      ...(automation.definition.runAs !== undefined && { runAsUsername: automation.definition.runAs }),
      depth: depth + 1,
      sourceObject: automation.definition.object,
      sourceRecordId: record.id,
    },
  };
};
