import { formatAutoNumber, type JsonObject } from "@tessera/metadata";
import { planAutomations } from "../automation/plan-automations.js";
import { enforceDuplicateRules } from "../duplicates/enforce-duplicate-rules.js";
import { EngineError } from "../errors/engine-error.js";
import { runAfterSave, runBeforeSave } from "../plugins/run-save-hooks.js";
import { type AutoNumberAssignment, type StoredRecord, StoreError } from "../store/store-port.js";
import { applyInput, pointerTo } from "./apply-input.js";
import { checkReferences } from "./check-references.js";
import { applyDefaults, computeFormulas, initialRollups } from "./compute-fields.js";
import { historyEntries } from "./history-entries.js";
import { presentRecord } from "./present-records.js";
import type { RecordContext } from "./record-context.js";
import { newRecordId } from "./record-id.js";
import { replaceValues } from "./replace-values.js";
import { resolveObject } from "./resolve-object.js";
import { refreshRollups } from "./rollups.js";
import { validateRecord } from "./validate-record.js";
import { writeAutomationLog } from "./write-automation-log.js";

/** Maps a store's unique violation to the 422 a user understands; other errors pass through. */
export const uniqueViolationToProblem = (error: unknown): never => {
  if (error instanceof StoreError && error.code === "uniqueViolation") {
    const field = error.field ?? "";
    throw new EngineError(422, "invalid", "A unique value is already taken", [
      {
        path: pointerTo(field),
        code: "field.notUnique",
        message: `Another record already has this "${field}".`,
      },
    ]);
  }
  throw error;
};

/**
 * Creates a record: permissions, field-level security, coercion, defaults, formulas, JSON Schema,
 * validation rules, references; then one atomic insert (with autoNumbers and history), then
 * parents' rollups. Returns the record as the caller may see it.
 */
export const createRecord = async (
  ctx: RecordContext,
  objectName: string,
  body: unknown,
  /** System use only (seeding a tenant): the id the record gets. */
  options: { id?: string } = {},
): Promise<JsonObject> => {
  const object = resolveObject(ctx, objectName, "create");
  const changes = applyInput(ctx, object, body);
  const values: JsonObject = {};
  for (const [field, value] of changes) if (value !== null) values[field] = value;
  applyDefaults(ctx, object, values);
  initialRollups(object, values);
  const now = ctx.now();
  const stamp = now.toISOString();
  const system: StoredRecord = {
    id: options.id ?? newRecordId(now),
    version: 1,
    ownerId: ctx.actor.userId,
    createdAt: stamp,
    createdBy: ctx.actor.userId,
    updatedAt: stamp,
    updatedBy: ctx.actor.userId,
  };
  const autoNumbers: AutoNumberAssignment[] = [];
  for (const field of object.fields.values()) {
    if (field.type !== "autoNumber") continue;
    autoNumbers.push({
      field: field.name,
      startAt: field.startAt ?? 1,
      render: (n) => formatAutoNumber(field.format, n, now),
    });
    // A placeholder of the right shape so validation passes; the store writes the real number.
    values[field.name] = formatAutoNumber(field.format, field.startAt ?? 1, now);
  }
  computeFormulas(ctx, object, values, system);
  if (replaceValues(values, await runBeforeSave(ctx, object, { operation: "create", id: system.id, values })))
    computeFormulas(ctx, object, values, system);
  const plan = await planAutomations(ctx, { kind: "create", object, values, system });
  // Formulas see what the automations set.
  if (plan.changed) computeFormulas(ctx, object, values, system);
  validateRecord(ctx, object, values, system);
  await checkReferences(ctx, object, values, new Set(Object.keys(values)));
  // Duplicate rules (issue 9): a `block` match refuses the record, `alert` matches are noted.
  await enforceDuplicateRules(ctx, object, system.id, values);
  const record = { ...system, ...values } as StoredRecord;
  const history = historyEntries(object, system.id, undefined, values, 1, stamp, ctx.actor.userId);
  const effects = plan.effectsFor(record);
  let stored: StoredRecord;
  try {
    stored = await ctx.store.insertRecord(object.name, record, { autoNumbers, history, effects });
  } catch (error) {
    return uniqueViolationToProblem(error);
  }
  await writeAutomationLog(ctx, plan.log);
  // Formulas reading an autoNumber see the number the store assigned.
  if (autoNumbers.length > 0 && object.formulas.length > 0)
    stored = await recomputeAfterNumbering(ctx, object.name, stored);
  await refreshRollups(ctx, object, [stored]);
  // The stored record is final: rollups change parents, never the record just written.
  const presented = await presentRecord(ctx, object, stored);
  await runAfterSave(ctx, object, { object: object.name, operation: "create", record: presented });
  return presented;
};

const recomputeAfterNumbering = async (
  ctx: RecordContext,
  objectName: string,
  stored: StoredRecord,
): Promise<StoredRecord> => {
  const object = resolveObject(ctx, objectName, "read");
  const values: JsonObject = {};
  for (const [key, value] of Object.entries(stored)) if (object.fields.has(key)) values[key] = value;
  const { id, version, ownerId, createdAt, createdBy, updatedAt, updatedBy } = stored;
  computeFormulas(ctx, object, values, { id, version, ownerId, createdAt, createdBy, updatedAt, updatedBy });
  const unchanged = object.formulas.every(({ field }) => stored[field.name] === values[field.name]);
  if (unchanged) return stored;
  const next = { ...stored, ...values, version: version + 1 } as StoredRecord;
  for (const { field } of object.formulas) if (values[field.name] === undefined) delete next[field.name];
  return (await ctx.store.updateRecord(object.name, next, version)) ? next : stored;
};
