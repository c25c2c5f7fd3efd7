import { formatAutoNumber, type JsonObject } from "@tessera/metadata";
import { checkNotLocked } from "../approvals/record-lock.js";
import { enforceDuplicateRules } from "../duplicates/enforce-duplicate-rules.js";
import { applyInput } from "../records/apply-input.js";
import { checkReferences } from "../records/check-references.js";
import { applyDefaults, computeFormulas, initialRollups } from "../records/compute-fields.js";
import type { RecordContext } from "../records/record-context.js";
import { newRecordId } from "../records/record-id.js";
import { systemOf } from "../records/rollups.js";
import { fieldValuesOf } from "../records/save-update.js";
import { validateRecord } from "../records/validate-record.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import type { StoredRecord } from "../store/store-port.js";

/*
 * A dry run checks each row with the record pipeline's own steps, in its order, without writing:
 * input (permissions, field-level security, coercion), defaults, formulas, JSON Schema and
 * validation rules, references, duplicate rules. Automations and plugin hooks are not run (they
 * may act outside the record), nor can a store's unique indexes answer (the dry run checks unique
 * values itself). Each function throws the EngineError the real write would.
 */

/** The checks of createRecord for `body`. */
export const checkCreate = async (
  ctx: RecordContext,
  object: CompiledObject,
  body: JsonObject,
): Promise<void> => {
  const changes = applyInput(ctx, object, body);
  const values: JsonObject = {};
  for (const [field, value] of changes) if (value !== null) values[field] = value;
  applyDefaults(ctx, object, values);
  initialRollups(object, values);
  const now = ctx.now();
  const stamp = now.toISOString();
  const id = newRecordId(now);
  const system: JsonObject = {
    id,
    version: 1,
    ownerId: ctx.actor.userId,
    createdAt: stamp,
    createdBy: ctx.actor.userId,
    updatedAt: stamp,
    updatedBy: ctx.actor.userId,
  };
  // As createRecord does: a placeholder of the right shape stands for the number the store assigns.
  for (const field of object.fields.values())
    if (field.type === "autoNumber")
      values[field.name] = formatAutoNumber(field.format, field.startAt ?? 1, now);
  computeFormulas(ctx, object, values, system);
  validateRecord(ctx, object, values, system);
  await checkReferences(ctx, object, values, new Set(Object.keys(values)));
  await enforceDuplicateRules(ctx, object, id, values);
};

/** The checks of updateRecord for `body` applied to `current` (which the user may change). */
export const checkUpdate = async (
  ctx: RecordContext,
  object: CompiledObject,
  current: StoredRecord,
  body: JsonObject,
): Promise<void> => {
  const changes = applyInput(ctx, object, body);
  checkNotLocked(ctx, current, "edit");
  const before = fieldValuesOf(current, object.fields);
  const values: JsonObject = { ...before };
  for (const [field, value] of changes) {
    if (value === null) delete values[field];
    else values[field] = value;
  }
  const system: JsonObject = {
    ...systemOf(current),
    version: current.version + 1,
    updatedAt: ctx.now().toISOString(),
    updatedBy: ctx.actor.userId,
  };
  const previous = { ...systemOf(current), ...before };
  computeFormulas(ctx, object, values, system);
  validateRecord(ctx, object, values, system, previous);
  const changed = new Set(
    Object.keys({ ...before, ...values }).filter(
      (f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(values[f] ?? null),
    ),
  );
  await checkReferences(ctx, object, values, changed);
  await enforceDuplicateRules(ctx, object, current.id, values, { changed });
};
