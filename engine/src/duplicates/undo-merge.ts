import { descriptorOf, type JsonObject, type JsonValue } from "@tessera/metadata";
import { conflict, forbidden, notFound } from "../errors/engine-error.js";
import type { FieldChanges } from "../records/apply-input.js";
import { uniqueViolationToProblem } from "../records/create-record.js";
import { presentRecord } from "../records/present-records.js";
import type { RecordContext } from "../records/record-context.js";
import { resolveObject } from "../records/resolve-object.js";
import { refreshRollups } from "../records/rollups.js";
import { fieldValuesOf, saveUpdate } from "../records/save-update.js";
import { loadAccessible } from "../records/update-record.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import type { StoredRecord } from "../store/store-port.js";
import { noteWrite } from "./find-matches.js";
import { type MergeEntry, readMerge, writeMerge } from "./merge-log.js";
import { moveReferencesBack } from "./move-references.js";

const same = (a: JsonValue | undefined, b: JsonValue | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The survivor's entered values as they were before the merge (computed ones follow from them). */
const restoringChanges = (
  object: CompiledObject,
  before: StoredRecord,
  current: StoredRecord,
): FieldChanges => {
  const changes: FieldChanges = new Map();
  for (const field of object.fields.values()) {
    if (descriptorOf(field).source !== "input") continue;
    if (!same(before[field.name], current[field.name])) changes.set(field.name, before[field.name] ?? null);
  }
  return changes;
};

const restoreMerged = async (
  ctx: RecordContext,
  object: CompiledObject,
  mergeId: string,
  merge: MergeEntry,
) => {
  const stamp = ctx.now().toISOString();
  for (const snapshot of merge.merged) {
    const history = [
      {
        object: object.name,
        recordId: snapshot.id,
        field: "_merge",
        oldValue: { mergeId, survivorId: merge.survivorId },
        newValue: null,
        version: 1,
        changedAt: stamp,
        changedBy: ctx.actor.userId,
      },
    ];
    try {
      await ctx.store.insertRecord(object.name, snapshot, { history });
    } catch (error) {
      uniqueViolationToProblem(error);
    }
    // Restored with its old `updatedAt`: an index reading changes by time would not see it.
    noteWrite(ctx, object.name, snapshot.id, snapshot);
  }
  await refreshRollups(
    ctx,
    object,
    merge.merged.map((r) => fieldValuesOf(r, object.fields)),
  );
};

/**
 * Undoes a merge: the survivor gets its values from before the merge back (409 when it changed
 * since), the merged records come back with their ids and values (stored anew, at version 1), and
 * related records the merge moved point at them again (those moved elsewhere since stay). Needs
 * the access the merge needed, plus create access to the object.
 */
export const undoMerge = async (ctx: RecordContext, mergeId: string): Promise<JsonObject> => {
  const found = await readMerge(ctx.store, mergeId);
  if (found === undefined) throw notFound(`No merge "${mergeId}"`);
  const { merge, revision } = found;
  const object = resolveObject(ctx, merge.object, "edit");
  for (const operation of ["create", "delete"] as const)
    if (!ctx.access.can(operation, object.name))
      throw forbidden(`You may not ${operation} ${object.name} records`);
  const survivor = await loadAccessible(ctx, object.name, merge.survivorId, "edit");
  if (merge.state === "undone") throw conflict("merge.undone", "This merge was undone already");
  if (merge.state !== "done" || merge.survivorVersion === undefined)
    throw conflict("merge.incomplete", "This merge did not finish; it cannot be undone");
  if (survivor.version !== merge.survivorVersion)
    throw conflict(
      "merge.survivorChanged",
      "The surviving record changed since the merge; it cannot be undone",
      {
        currentVersion: survivor.version,
      },
    );
  if ((await ctx.store.getRecords(object.name, merge.mergedIds)).length > 0)
    throw conflict("merge.recordsExist", "A merged record exists again; the merge cannot be undone");
  // Claims the undo: of two concurrent undos exactly one goes on.
  if (!(await writeMerge(ctx.store, mergeId, { ...merge, state: "undone" }, revision)))
    throw conflict("merge.undone", "This merge is being undone already");
  const release = () => writeMerge(ctx.store, mergeId, merge);
  let written: StoredRecord | undefined;
  try {
    written = await saveUpdate(
      ctx,
      object,
      survivor,
      restoringChanges(object, merge.survivorBefore, survivor),
      {
        duplicates: false,
        historyNotes: [
          { field: "_merge", oldValue: { mergeId, mergedIds: merge.mergedIds }, newValue: null },
        ],
      },
    );
  } catch (error) {
    await release();
    throw error;
  }
  if (written === undefined) {
    await release();
    throw conflict(
      "merge.survivorChanged",
      "The surviving record changed since the merge; it cannot be undone",
    );
  }
  await restoreMerged(ctx, object, mergeId, merge);
  await moveReferencesBack(ctx, merge.moved, merge.survivorId);
  const at = ctx.now().toISOString();
  await writeMerge(ctx.store, mergeId, {
    ...merge,
    state: "undone",
    undoneAt: at,
    undoneBy: ctx.actor.userId,
  });
  const final = (await ctx.store.getRecord(object.name, merge.survivorId)) ?? written;
  return { mergeId, survivor: await presentRecord(ctx, object, final), restoredIds: merge.mergedIds };
};
