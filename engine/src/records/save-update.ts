import type { JsonObject, JsonValue } from "@tessera/metadata";
import { planAutomations } from "../automation/plan-automations.js";
import { enforceDuplicateRules } from "../duplicates/enforce-duplicate-rules.js";
import { hasSaveHooks, runAfterSave, runBeforeSave } from "../plugins/run-save-hooks.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import { endCredentialsOf } from "../security/end-credentials.js";
import type { HistoryEntry, StoredRecord } from "../store/store-port.js";
import type { NewJob, WriteEffects } from "../store/work-types.js";
import type { FieldChanges } from "./apply-input.js";
import { checkReferences } from "./check-references.js";
import { computeFormulas } from "./compute-fields.js";
import { uniqueViolationToProblem } from "./create-record.js";
import { historyEntries } from "./history-entries.js";
import { presentRecord } from "./present-records.js";
import type { RecordContext } from "./record-context.js";
import { replaceValues } from "./replace-values.js";
import { refreshRollups, systemOf } from "./rollups.js";
import { validateRecord } from "./validate-record.js";
import { writeAutomationLog } from "./write-automation-log.js";

export interface SaveOptions {
  /** Engine-internal keys to set on the record (`_approval`). */
  internal?: Record<string, JsonValue>;
  /** More work done in the same atomic write (approval work items, jobs). */
  effects?: WriteEffects;
  /** A new owner (an automation's assignment); sharing and history follow as for any change. */
  ownerId?: string;
  /** Jobs built from the record as finally written (approval notifications and webhooks). */
  jobsFor?: (record: StoredRecord) => readonly NewJob[];
  // Issue 9 (duplicates and merge):
  /**
   * Duplicate rules on this write: records that do not count (a merge's merged records), or false:
   * not applied (a merge's undo, restoring values from before).
   */
  duplicates?: { exclude?: readonly string[] } | false;
  /** Notes kept in the record's history with this write, e.g. `_merge` on a merge's survivor. */
  historyNotes?: ReadonlyArray<Pick<HistoryEntry, "field" | "oldValue" | "newValue">>;
}

export const fieldValuesOf = (
  record: StoredRecord,
  fields: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): JsonObject => {
  const values: JsonObject = {};
  for (const [key, value] of Object.entries(record)) if (fields.has(key)) values[key] = value;
  return values;
};

/**
 * Writes `changes` (already checked and coerced; null clears a field) to `current`: formulas,
 * automations, JSON Schema, validation rules, references, history, then one write conditioned on
 * the version, then parents' rollups. Resolves the record written, or undefined when someone else
 * changed it first (nothing was written). Permissions are the caller's business.
 */
export const saveUpdate = async (
  ctx: RecordContext,
  object: CompiledObject,
  current: StoredRecord,
  changes: FieldChanges,
  options: SaveOptions = {},
): Promise<StoredRecord | undefined> => {
  const before = fieldValuesOf(current, object.fields);
  const values: JsonObject = { ...before };
  for (const [field, value] of changes) {
    if (value === null) delete values[field];
    else values[field] = value;
  }
  const stamp = ctx.now().toISOString();
  const system: StoredRecord = {
    ...systemOf(current),
    ...options.internal,
    ...(options.ownerId !== undefined && { ownerId: options.ownerId }),
    version: current.version + 1,
    updatedAt: stamp,
    updatedBy: ctx.actor.userId,
  };
  const previous = { ...systemOf(current), ...before };
  computeFormulas(ctx, object, values, system);
  const hooked = await runBeforeSave(ctx, object, { operation: "update", id: current.id, values, previous });
  if (replaceValues(values, hooked)) computeFormulas(ctx, object, values, system);
  const plan = await planAutomations(ctx, { kind: "update", object, before: previous, values, system });
  // Formulas see what the automations set.
  if (plan.changed) computeFormulas(ctx, object, values, system);
  validateRecord(ctx, object, values, system, previous);
  const changed = new Set(
    Object.keys({ ...before, ...values }).filter(
      (f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(values[f] ?? null),
    ),
  );
  await checkReferences(ctx, object, values, changed);
  // Duplicate rules (issue 9), for rules comparing a changed field: `block` refuses, `alert` is noted.
  if (options.duplicates !== false)
    await enforceDuplicateRules(ctx, object, current.id, values, {
      changed,
      ...(options.duplicates?.exclude !== undefined && { exclude: options.duplicates.exclude }),
    });
  const next = { ...system, ...values } as StoredRecord;
  const history = historyEntries(object, current.id, before, values, system.version, stamp, ctx.actor.userId);
  for (const note of options.historyNotes ?? [])
    history.push({
      ...note,
      object: object.name,
      recordId: current.id,
      version: system.version,
      changedAt: stamp,
      changedBy: ctx.actor.userId,
    });
  // An owner set by an automation or an option is a change like a transfer, and shows as one.
  if (system.ownerId !== current.ownerId) {
    history.push({
      object: object.name,
      recordId: current.id,
      field: "ownerId",
      oldValue: current.ownerId,
      newValue: system.ownerId,
      version: system.version,
      changedAt: stamp,
      changedBy: ctx.actor.userId,
    });
  }
  const planned = plan.effectsFor(next);
  const effects: WriteEffects = {
    ...options.effects,
    jobs: [...(options.effects?.jobs ?? []), ...(options.jobsFor?.(next) ?? []), ...planned.jobs],
    cancelJobs: [...(options.effects?.cancelJobs ?? []), ...planned.cancelJobs],
  };
  let written: boolean;
  try {
    written = await ctx.store.updateRecord(object.name, next, current.version, history, effects);
  } catch (error) {
    return uniqueViolationToProblem(error);
  }
  if (!written) return undefined;
  await writeAutomationLog(ctx, plan.log);
  // A deactivated user is signed out everywhere at once, and their API keys are revoked.
  if (object.name === "user" && before.active !== false && values.active === false) {
    await endCredentialsOf(ctx.store, current.id, stamp);
    await ctx.events?.userDeactivated?.(current.id);
  }
  await refreshRollups(ctx, object, [before, values]);
  if (hasSaveHooks(ctx, object.name)) {
    const record = await presentRecord(ctx, object, next);
    await runAfterSave(ctx, object, { object: object.name, operation: "update", record, previous });
  }
  return next;
};
