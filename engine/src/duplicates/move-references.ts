import { conflict } from "../errors/engine-error.js";
import { computeFormulas } from "../records/compute-fields.js";
import type { RecordContext } from "../records/record-context.js";
import { refreshRollups, systemOf } from "../records/rollups.js";
import { fieldValuesOf } from "../records/save-update.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import type { StoredRecord } from "../store/store-port.js";
import type { MovedReference } from "./merge-log.js";

/** Related records one merge moves at most (they are all written, and remembered for undo). */
export const MAX_MOVED = 10_000;

const ATTEMPTS = 5;

/** A related record pointing at one of the records being merged. */
export interface Reference {
  child: CompiledObject;
  record: StoredRecord;
  field: string;
  from: string;
}

/**
 * Every record with a lookup or master-detail field pointing at one of `ids` (records of `object`),
 * whoever may see it, except the records in `skip` (the merge's own records). Refuses (409) more
 * than MAX_MOVED, before anything is written.
 */
export const referencesTo = async (
  ctx: RecordContext,
  object: CompiledObject,
  ids: readonly string[],
  skip: ReadonlySet<string>,
): Promise<Reference[]> => {
  const found: Reference[] = [];
  for (const incoming of object.incoming) {
    if (incoming.field.type === "user") continue;
    const child = ctx.metadata.objects.get(incoming.object);
    if (child === undefined) continue;
    const field = incoming.field.name;
    const page = await ctx.store.findRecords(child.name, {
      filter: { op: "in", field, values: [...ids] },
      sort: [],
      limit: MAX_MOVED + 1,
    });
    for (const record of page.records) {
      const from = record[field];
      if (child.name === object.name && skip.has(record.id)) continue;
      if (typeof from === "string") found.push({ child, record, field, from });
    }
    if (found.length > MAX_MOVED)
      throw conflict(
        "merge.tooManyRelated",
        `These records are used by more than ${MAX_MOVED} related records; merge them in smaller steps`,
      );
  }
  return found;
};

/**
 * Points `field` of a related record from `from` to `to`, in system mode (the user need not see
 * it), as one write with its history; a concurrent change makes it read the record again. Resolves
 * false when the record no longer points at `from` (someone moved it since) or is gone.
 */
const moveOne = async (
  ctx: RecordContext,
  child: CompiledObject,
  record: StoredRecord,
  field: string,
  from: string,
  to: string,
): Promise<boolean> => {
  let current: StoredRecord | undefined = record;
  for (let attempt = 0; attempt < ATTEMPTS && current !== undefined; attempt += 1) {
    if (current[field] !== from) return false;
    const values = fieldValuesOf(current, child.fields);
    values[field] = to;
    const stamp = ctx.now().toISOString();
    const system = {
      ...systemOf(current),
      version: current.version + 1,
      updatedAt: stamp,
      updatedBy: ctx.actor.userId,
    };
    computeFormulas(ctx, child, values, system);
    const history = [
      {
        object: child.name,
        recordId: current.id,
        field,
        oldValue: from,
        newValue: to,
        version: system.version,
        changedAt: stamp,
        changedBy: ctx.actor.userId,
      },
    ];
    if (
      await ctx.store.updateRecord(
        child.name,
        { ...system, ...values } as StoredRecord,
        current.version,
        history,
      )
    )
      return true;
    current = await ctx.store.getRecord(child.name, record.id);
  }
  return false;
};

/** Refreshes the rollups of the parents whose children moved (each child object once). */
const refreshMoved = async (
  ctx: RecordContext,
  moved: ReadonlyArray<{ child: CompiledObject; field: string; ids: Set<string> }>,
) => {
  for (const { child, field, ids } of moved)
    await refreshRollups(
      ctx,
      child,
      [...ids].map((id) => ({ [field]: id })),
    );
};

/** Moves every reference to the survivor; resolves what moved, for undo. */
export const moveReferences = async (
  ctx: RecordContext,
  references: readonly Reference[],
  to: string,
): Promise<MovedReference[]> => {
  const moved: MovedReference[] = [];
  const touched = new Map<string, { child: CompiledObject; field: string; ids: Set<string> }>();
  for (const { child, record, field, from } of references) {
    if (!(await moveOne(ctx, child, record, field, from, to))) continue;
    moved.push({ object: child.name, id: record.id, field, from });
    const key = `${child.name}.${field}`;
    const entry = touched.get(key) ?? { child, field, ids: new Set([to]) };
    entry.ids.add(from);
    touched.set(key, entry);
  }
  await refreshMoved(ctx, [...touched.values()]);
  return moved;
};

/** Undo of moveReferences: references still pointing at `from` (the survivor) point back. */
export const moveReferencesBack = async (
  ctx: RecordContext,
  moved: readonly MovedReference[],
  from: string,
): Promise<number> => {
  let count = 0;
  const touched = new Map<string, { child: CompiledObject; field: string; ids: Set<string> }>();
  for (const reference of moved) {
    const child = ctx.metadata.objects.get(reference.object);
    if (child === undefined || !child.fields.has(reference.field)) continue;
    const record = await ctx.store.getRecord(child.name, reference.id);
    if (record === undefined) continue;
    if (!(await moveOne(ctx, child, record, reference.field, from, reference.from))) continue;
    count += 1;
    const key = `${child.name}.${reference.field}`;
    const entry = touched.get(key) ?? { child, field: reference.field, ids: new Set([from]) };
    entry.ids.add(reference.from);
    touched.set(key, entry);
  }
  await refreshMoved(ctx, [...touched.values()]);
  return count;
};
