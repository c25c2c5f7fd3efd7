import { isPlainObject, type JsonObject } from "@tessera/metadata";
import { checkNotLocked } from "../approvals/record-lock.js";
import { EngineError, forbidden, type ProblemDetail } from "../errors/engine-error.js";
import { applyInput, type FieldChanges } from "../records/apply-input.js";
import { deleteRecord } from "../records/delete-record.js";
import { presentRecord } from "../records/present-records.js";
import type { RecordContext } from "../records/record-context.js";
import { newRecordId } from "../records/record-id.js";
import { resolveObject } from "../records/resolve-object.js";
import { saveUpdate } from "../records/save-update.js";
import { loadAccessible, staleVersion } from "../records/update-record.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import type { StoredRecord } from "../store/store-port.js";
import { MERGES, type MergeEntry, type MovedReference, mergeEntryId, writeMerge } from "./merge-log.js";
import { moveReferences, referencesTo } from "./move-references.js";

const MAX_MERGED = 2;
/** Passes over related records: ones added while a merge runs are moved by the next pass. */
const PASSES = 3;

interface MergeRequest {
  survivorId: string;
  mergedIds: string[];
  values: JsonObject;
}

const invalid = (errors: ProblemDetail[]) =>
  new EngineError(422, "invalid", "The merge is not valid", errors);

/** Problems of a nested body part, pointed at from the request's root (`/amount` -> `/values/amount`). */
const under = (prefix: string, error: unknown): unknown =>
  error instanceof EngineError && error.status === 422
    ? new EngineError(
        422,
        error.code,
        error.title,
        error.errors.map((e) => ({ ...e, path: `${prefix}${e.path}` })),
        error.extensions,
      )
    : error;

const parseRequest = (body: unknown): MergeRequest => {
  if (!isPlainObject(body))
    throw invalid([{ path: "", code: "body.notAnObject", message: "Send {survivorId, mergedIds, values}." }]);
  const errors: ProblemDetail[] = [];
  for (const key of Object.keys(body))
    if (!["survivorId", "mergedIds", "values"].includes(key))
      errors.push({ path: `/${key}`, code: "field.unknown", message: `"${key}" is not a setting here.` });
  const { survivorId, mergedIds, values = {} } = body;
  if (typeof survivorId !== "string" || survivorId === "")
    errors.push({ path: "/survivorId", code: "field.required", message: "Name the record that stays." });
  if (
    !Array.isArray(mergedIds) ||
    mergedIds.length < 1 ||
    mergedIds.length > MAX_MERGED ||
    mergedIds.some((id) => typeof id !== "string" || id === "")
  ) {
    errors.push({
      path: "/mergedIds",
      code: "merge.mergedIds",
      message: `List 1 to ${MAX_MERGED} records to merge into the survivor.`,
    });
  } else if (new Set(mergedIds).size !== mergedIds.length || mergedIds.includes(survivorId as string)) {
    errors.push({
      path: "/mergedIds",
      code: "merge.sameRecord",
      message: "Each merged record must be listed once and differ from the survivor.",
    });
  }
  if (!isPlainObject(values))
    errors.push({
      path: "/values",
      code: "merge.values",
      message: "Send the chosen values as {field: value}.",
    });
  if (errors.length > 0) throw invalid(errors);
  return { survivorId: survivorId as string, mergedIds: mergedIds as string[], values: values as JsonObject };
};

/** Every check a merge needs, before anything is written: a refused merge changes nothing. */
const prepare = async (ctx: RecordContext, objectName: string, body: unknown) => {
  const object = resolveObject(ctx, objectName, "edit");
  if (!ctx.access.can("delete", object.name)) throw forbidden(`You may not delete ${object.name} records`);
  if (object.name === "user")
    throw new EngineError(422, "merge.notSupported", "Users cannot be merged; deactivate one instead");
  const request = parseRequest(body);
  let changes: FieldChanges;
  try {
    changes = applyInput(ctx, object, request.values);
  } catch (error) {
    throw under("/values", error);
  }
  const survivor = await loadAccessible(ctx, object.name, request.survivorId, "edit");
  const merged: StoredRecord[] = [];
  for (const id of request.mergedIds) merged.push(await loadAccessible(ctx, object.name, id, "delete"));
  checkNotLocked(ctx, survivor, "edit");
  for (const record of merged) checkNotLocked(ctx, record, "delete");
  return { object, request, changes, survivor, merged };
};

const moveAll = async (
  ctx: RecordContext,
  object: CompiledObject,
  request: MergeRequest,
  first: Awaited<ReturnType<typeof referencesTo>>,
): Promise<MovedReference[]> => {
  const skip = new Set([request.survivorId, ...request.mergedIds]);
  const moved: MovedReference[] = [];
  let references = first;
  for (let pass = 0; pass < PASSES && references.length > 0; pass += 1) {
    moved.push(...(await moveReferences(ctx, references, request.survivorId)));
    references = await referencesTo(ctx, object, request.mergedIds, skip);
  }
  return moved;
};

/**
 * Merges 1-2 records into a survivor (`{survivorId, mergedIds, values}`). The caller needs edit
 * access to the survivor and delete access to the merged records (and must see them all); `values`
 * are the chosen field values (only fields they may edit). The survivor is updated through the
 * record pipeline (its history notes the merge), every related record pointing at a merged record
 * is pointed at the survivor (system writes with history; the caller need not see them), then the
 * merged records are deleted. The merge log keeps everything undo needs.
 */
export const mergeRecords = async (
  ctx: RecordContext,
  objectName: string,
  body: unknown,
): Promise<{ survivor: JsonObject; mergeId: string }> => {
  const { object, request, changes, survivor, merged } = await prepare(ctx, objectName, body);
  const references = await referencesTo(
    ctx,
    object,
    request.mergedIds,
    new Set([request.survivorId, ...request.mergedIds]),
  );
  const now = ctx.now();
  const mergeId = mergeEntryId(object.name, newRecordId(now));
  let merge: MergeEntry = {
    object: object.name,
    survivorId: request.survivorId,
    mergedIds: request.mergedIds,
    at: now.toISOString(),
    by: ctx.actor.userId,
    state: "moving",
    survivorBefore: survivor,
    merged,
    moved: [],
  };
  await writeMerge(ctx.store, mergeId, merge, 0);
  let written: StoredRecord | undefined;
  try {
    written = await saveUpdate(ctx, object, survivor, changes, {
      duplicates: { exclude: request.mergedIds },
      historyNotes: [
        { field: "_merge", oldValue: null, newValue: { mergeId, mergedIds: request.mergedIds } },
      ],
    });
  } catch (error) {
    await ctx.store.deleteEntry(MERGES, mergeId);
    throw under("/values", error);
  }
  if (written === undefined) {
    await ctx.store.deleteEntry(MERGES, mergeId);
    const latest = await ctx.store.getRecord(object.name, request.survivorId);
    throw staleVersion(latest?.version ?? survivor.version);
  }
  merge = { ...merge, moved: await moveAll(ctx, object, request, references) };
  await writeMerge(ctx.store, mergeId, merge);
  for (const id of request.mergedIds) await deleteRecord(ctx, object.name, id);
  const final = (await ctx.store.getRecord(object.name, request.survivorId)) ?? written;
  await writeMerge(ctx.store, mergeId, { ...merge, state: "done", survivorVersion: final.version });
  return { survivor: await presentRecord(ctx, object, final), mergeId };
};
