import { checkNotLocked } from "../approvals/record-lock.js";
import { timerField, timerKey } from "../automation/schedule-timers.js";
import { conflict } from "../errors/engine-error.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import type { StoredRecord } from "../store/store-port.js";
import { computeFormulas } from "./compute-fields.js";
import { manualShareIds } from "./manual-shares.js";
import type { RecordContext } from "./record-context.js";
import { resolveObject } from "./resolve-object.js";
import { refreshRollups, systemOf } from "./rollups.js";
import { fieldValuesOf, loadAccessible } from "./update-record.js";

interface Doomed {
  object: CompiledObject;
  record: StoredRecord;
}

const MAX_CASCADE = 10_000;

/** The record and, recursively, its master-detail children: they are deleted together. */
const collectCascade = async (ctx: RecordContext, root: Doomed): Promise<Doomed[]> => {
  const doomed: Doomed[] = [root];
  for (let i = 0; i < doomed.length; i += 1) {
    const { object, record } = doomed[i] as Doomed;
    for (const incoming of object.incoming) {
      const child = ctx.metadata.objects.get(incoming.object);
      if (child === undefined || incoming.field.type !== "masterDetail") continue;
      const page = await ctx.store.findRecords(child.name, {
        filter: { op: "compare", field: incoming.field.name, operator: "==", value: record.id },
        sort: [],
        limit: MAX_CASCADE,
      });
      for (const r of page.records) doomed.push({ object: child, record: r });
      if (doomed.length > MAX_CASCADE) {
        throw conflict(
          "record.cascadeTooLarge",
          `Deleting this record would delete more than ${MAX_CASCADE} records`,
        );
      }
    }
  }
  return doomed;
};

/**
 * Lookups pointing at a doomed record: `restrict` refuses the delete, `setNull` clears them. Every
 * restriction is checked before anything is cleared, so a refused delete changes nothing.
 */
const handleLookups = async (ctx: RecordContext, doomed: readonly Doomed[]): Promise<void> => {
  const doomedIds = new Set(doomed.map((d) => d.record.id));
  const toClear: Array<{ child: CompiledObject; record: StoredRecord; field: string }> = [];
  for (const { object, record } of doomed) {
    for (const incoming of object.incoming) {
      if (incoming.field.type === "masterDetail") continue;
      const onDelete = incoming.field.type === "lookup" ? (incoming.field.onDelete ?? "setNull") : "setNull";
      const filter = { op: "compare", field: incoming.field.name, operator: "==", value: record.id } as const;
      const page = await ctx.store.findRecords(incoming.object, { filter, sort: [], limit: MAX_CASCADE });
      const referencing = page.records.filter((r) => !doomedIds.has(r.id));
      if (referencing.length === 0) continue;
      if (onDelete === "restrict") {
        throw conflict(
          "record.referenced",
          `This record is still used by ${referencing.length} ${incoming.object} record(s) ("${incoming.field.name}")`,
        );
      }
      const child = ctx.metadata.objects.get(incoming.object);
      if (child !== undefined)
        for (const r of referencing) toClear.push({ child, record: r, field: incoming.field.name });
    }
  }
  for (const { child, record, field } of toClear) await clearReference(ctx, child, record, field);
};

const clearReference = async (
  ctx: RecordContext,
  object: CompiledObject,
  record: StoredRecord,
  field: string,
) => {
  for (
    let attempt = 0, current: StoredRecord | undefined = record;
    attempt < 5 && current !== undefined;
    attempt += 1
  ) {
    const values = fieldValuesOf(current, object.fields);
    delete values[field];
    const system = {
      ...systemOf(current),
      version: current.version + 1,
      updatedAt: ctx.now().toISOString(),
      updatedBy: ctx.actor.userId,
    };
    computeFormulas(ctx, object, values, system);
    const history = [
      {
        object: object.name,
        recordId: current.id,
        field,
        oldValue: current[field] ?? null,
        newValue: null,
        version: system.version,
        changedAt: system.updatedAt,
        changedBy: ctx.actor.userId,
      },
    ];
    if (
      await ctx.store.updateRecord(
        object.name,
        { ...system, ...values } as StoredRecord,
        current.version,
        history,
      )
    )
      return;
    current = await ctx.store.getRecord(object.name, record.id);
  }
};

/**
 * Deletes a record with its master-detail children and their manual shares in one atomic write;
 * lookups to it are cleared (or, with `restrict`, the delete is refused); parents' rollups are
 * refreshed.
 */
export const deleteRecord = async (
  ctx: RecordContext,
  objectName: string,
  id: string,
  expectedVersion?: number,
): Promise<void> => {
  const object = resolveObject(ctx, objectName, "delete");
  const record = await loadAccessible(ctx, objectName, id, "delete");
  checkNotLocked(ctx, record, "delete");
  const doomed = await collectCascade(ctx, { object, record });
  await handleLookups(ctx, doomed);
  const shareIds = await manualShareIds(
    ctx,
    doomed.map((d) => ({ object: d.object.name, id: d.record.id })),
  );
  const targets = [
    ...doomed.map((d, i) => ({
      object: d.object.name,
      id: d.record.id,
      ...(i === 0 && expectedVersion !== undefined ? { expectedVersion } : {}),
    })),
    ...shareIds.map((id) => ({ object: "recordShare", id })),
  ];
  // The timers of deleted records (scheduled and SLA automations) go with them.
  const timers = doomed.flatMap((d) =>
    (ctx.metadata.automations.get(d.object.name) ?? [])
      .filter((a) => timerField(a) !== undefined)
      .map((a) => timerKey(a.definition.name, d.record.id)),
  );
  if (!(await ctx.store.deleteRecords(targets, { cancelJobs: timers }))) {
    throw conflict("record.stale", "The record was changed by someone else; reload it first");
  }
  for (const d of doomed) await refreshRollups(ctx, d.object, [fieldValuesOf(d.record, d.object.fields)]);
};
