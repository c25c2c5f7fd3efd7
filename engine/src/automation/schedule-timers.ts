import type { Duration, JsonObject, JsonValue } from "@tessera/metadata";
import type { StoredRecord } from "../store/store-port.js";
import type { NewJob } from "../store/work-types.js";
import type { CompiledAutomation } from "./compiled-automation.js";

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

export const durationMs = (duration: Duration): number => duration.amount * UNIT_MS[duration.unit];

/** The key of the one timer an automation keeps per record. */
export const timerKey = (automation: string, recordId: string): string => `timer:${automation}:${recordId}`;

const instantOf = (value: JsonValue | undefined): number | undefined => {
  if (typeof value !== "string") return undefined;
  // A date without a time counts from midnight UTC of that day.
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value);
  return Number.isNaN(ms) ? undefined : ms;
};

/** When a scheduled or SLA automation is due for `record`; undefined when it has no time. */
export const dueTimeOf = (automation: CompiledAutomation, record: JsonObject): number | undefined => {
  const trigger = automation.definition.trigger;
  if (trigger.type === "scheduled") {
    const base = instantOf(record[trigger.field]);
    if (base === undefined) return undefined;
    const offset = durationMs(trigger.offset);
    return trigger.direction === "before" ? base - offset : base + offset;
  }
  if (trigger.type === "sla") {
    const base = instantOf(record[trigger.from ?? "createdAt"]);
    return base === undefined ? undefined : base + durationMs(trigger.after);
  }
  return undefined;
};

/** The field whose change moves an automation's timer. */
export const timerField = (automation: CompiledAutomation): string | undefined => {
  const trigger = automation.definition.trigger;
  if (trigger.type === "scheduled") return trigger.field;
  if (trigger.type === "sla") return trigger.from ?? "createdAt";
  return undefined;
};

export interface TimerChanges {
  jobs: NewJob[];
  cancel: string[];
}

/**
 * The timers a write sets: on create every timed automation of the object is scheduled; on update
 * only those whose date field changed are moved (or cancelled when it was cleared). A time in the
 * past is due at once, and counts towards the automation depth limit.
 */
export const scheduleTimers = (
  automations: readonly CompiledAutomation[],
  record: StoredRecord,
  before: JsonObject | undefined,
  depth: number,
  newId: () => string,
  now: Date,
): TimerChanges => {
  const changes: TimerChanges = { jobs: [], cancel: [] };
  for (const automation of automations) {
    const field = timerField(automation);
    if (field === undefined) continue;
    if (
      before !== undefined &&
      JSON.stringify(before[field] ?? null) === JSON.stringify(record[field] ?? null)
    ) {
      continue;
    }
    const key = timerKey(automation.definition.name, record.id);
    const due = dueTimeOf(automation, record);
    if (due === undefined) {
      if (before !== undefined) changes.cancel.push(key);
      continue;
    }
    changes.jobs.push({
      id: newId(),
      key,
      kind: "timer",
      dueAt: new Date(due).toISOString(),
      payload: {
        automation: automation.definition.name,
        object: automation.definition.object,
        recordId: record.id,
        // A timer that waits starts a fresh chain: only timers due at once can loop, so a
        // schedule that moves its own date (preventive maintenance) recurs for ever.
        depth: new Date(due).getTime() > now.getTime() ? 0 : depth,
      },
    });
  }
  return changes;
};
