import type { ApprovalEvent, JsonObject } from "@tessera/metadata";
import { type ActionSource, notifyJob, webhookJob } from "../automation/action-jobs.js";
import type { CompiledApprovalProcess } from "../automation/compiled-automation.js";
import { applyFieldUpdate } from "../automation/plan-automations.js";
import type { FieldChanges } from "../records/apply-input.js";
import type { RecordContext } from "../records/record-context.js";
import { newRecordId } from "../records/record-id.js";
import { ruleData } from "../records/rule-data.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import type { StoredRecord } from "../store/store-port.js";
import type { NewJob } from "../store/work-types.js";

export interface ApprovalEffects {
  changes: FieldChanges;
  /** Builds the notification and webhook jobs from the record as written. */
  jobsFor(record: StoredRecord): NewJob[];
}

/**
 * What the process's actions for `events` do: field updates (computed on the record before the
 * transition, then written with it, bypassing the lock but validated like any change) and
 * notifications and webhooks (jobs in the same write).
 */
export const approvalEffects = (
  ctx: RecordContext,
  object: CompiledObject,
  process: CompiledApprovalProcess,
  events: readonly ApprovalEvent[],
  record: StoredRecord,
  extra: JsonObject,
): ApprovalEffects => {
  const data = ruleData(ctx, record);
  const values: JsonObject = {};
  for (const [key, value] of Object.entries(record)) if (object.fields.has(key)) values[key] = value;
  const changes: FieldChanges = new Map();
  const later: Array<(record: StoredRecord) => NewJob> = [];
  const name = process.definition.name;
  for (const event of events) {
    const source: ActionSource = { kind: "approval", name, event };
    for (const [index, action] of (process.definition.actions?.[event] ?? []).entries()) {
      if (action.type === "fieldUpdate") {
        const value = process.values.get(event)?.[index]?.(data) ?? null;
        applyFieldUpdate(object, values, action.field, value, `Approval process "${name}"`);
        changes.set(action.field, values[action.field] ?? null);
        continue;
      }
      later.push((written) => {
        const now = ctx.now();
        const base = {
          id: newRecordId(now),
          now: now.toISOString(),
          object: object.name,
          record: written,
          source,
          runAs: ctx.actor.userId,
          extra,
        };
        return action.type === "notify" ? notifyJob(base, action) : webhookJob(base, action);
      });
    }
  }
  return { changes, jobsFor: (written) => later.map((job) => job(written)) };
};
