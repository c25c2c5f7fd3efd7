import { type FilterNode, type JsonObject, parseFilter } from "@tessera/metadata";
import type { CompiledMetadata, CompiledObject, DependentRollup } from "../registry/compiled-metadata.js";
import type { StoredRecord, TenantStore } from "../store/store-port.js";
import { computeFormulas } from "./compute-fields.js";
import { and } from "./filter-helpers.js";
import type { RecordContext } from "./record-context.js";

const rollupFilter = (metadata: CompiledMetadata, rollup: DependentRollup): FilterNode | undefined => {
  const child = metadata.objects.get(rollup.field.childObject);
  if (rollup.field.filter === undefined || child === undefined) return undefined;
  const parsed = parseFilter(rollup.field.filter, child.filterField);
  // Published metadata was validated; an unparsable filter would have been refused.
  return parsed.ok ? parsed.filter : undefined;
};

const summarizeFor = async (
  store: TenantStore,
  metadata: CompiledMetadata,
  rollup: DependentRollup,
  parentId: string,
) => {
  const filter = and(
    { op: "compare", field: rollup.field.relationshipField, operator: "==", value: parentId },
    rollupFilter(metadata, rollup),
  );
  const value = await store.summarize(
    rollup.field.childObject,
    rollup.field.operation,
    rollup.field.summaryField,
    filter,
  );
  return rollup.field.operation === "count" || rollup.field.operation === "sum" ? (value ?? 0) : value;
};

const MAX_ATTEMPTS = 5;

/**
 * Recomputes one parent's rollups (and so its formulas) after its children changed. Runs in system
 * mode: the parent must stay correct whoever edited the child. Each attempt is one write
 * conditioned on the parent's version; a concurrent write makes it recompute and try again.
 */
const refreshParent = async (
  ctx: RecordContext,
  parent: CompiledObject,
  rollups: DependentRollup[],
  parentId: string,
) => {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const current = await ctx.store.getRecord(parent.name, parentId);
    if (current === undefined) return;
    const values: JsonObject = {};
    for (const [key, value] of Object.entries(current)) if (parent.fields.has(key)) values[key] = value;
    for (const rollup of rollups) {
      const value = await summarizeFor(ctx.store, ctx.metadata, rollup, parentId);
      if (value === null) delete values[rollup.field.name];
      else values[rollup.field.name] = value;
    }
    const system = systemOf(current);
    computeFormulas(ctx, parent, values, system);
    if (rollups.every((r) => current[r.field.name] === values[r.field.name])) return;
    const next: StoredRecord = {
      ...system,
      ...values,
      version: current.version + 1,
      updatedAt: ctx.now().toISOString(),
      updatedBy: ctx.actor.userId,
    } as StoredRecord;
    if (await ctx.store.updateRecord(parent.name, next, current.version)) return;
  }
};

const systemOf = (record: StoredRecord): StoredRecord => {
  const { id, version, ownerId, createdAt, createdBy, updatedAt, updatedBy } = record;
  const system: StoredRecord = { id, version, ownerId, createdAt, createdBy, updatedAt, updatedBy };
  for (const [key, value] of Object.entries(record)) if (key.startsWith("_")) system[key] = value;
  return system;
};

/**
 * After child records of `child` were written or deleted, refreshes the rollups of every parent
 * they point to, before and after the change (a re-parented child changes two parents).
 */
export const refreshRollups = async (
  ctx: RecordContext,
  child: CompiledObject,
  records: ReadonlyArray<JsonObject | undefined>,
): Promise<void> => {
  const byParent = new Map<string, DependentRollup[]>();
  for (const rollup of child.dependentRollups)
    byParent.set(rollup.parentObject, [...(byParent.get(rollup.parentObject) ?? []), rollup]);
  for (const [parentName, rollups] of byParent) {
    const parent = ctx.metadata.objects.get(parentName);
    if (parent === undefined) continue;
    const ids = new Set<string>();
    for (const record of records) {
      for (const rollup of rollups) {
        const id = record?.[rollup.field.relationshipField];
        if (typeof id === "string") ids.add(id);
      }
    }
    for (const id of ids) await refreshParent(ctx, parent, rollups, id);
  }
};

export { systemOf };
