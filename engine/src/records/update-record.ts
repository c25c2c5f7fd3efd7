import type { JsonObject } from "@tessera/metadata";
import { conflict, EngineError, notFound } from "../errors/engine-error.js";
import type { AccessMode } from "../security/access-policy.js";
import { endCredentialsOf } from "../security/end-credentials.js";
import type { StoredRecord } from "../store/store-port.js";
import { applyInput } from "./apply-input.js";
import { checkReferences } from "./check-references.js";
import { computeFormulas } from "./compute-fields.js";
import { uniqueViolationToProblem } from "./create-record.js";
import { and, idIs } from "./filter-helpers.js";
import { historyEntries } from "./history-entries.js";
import { presentRecord } from "./present-records.js";
import type { RecordContext } from "./record-context.js";
import { resolveObject } from "./resolve-object.js";
import { refreshRollups, systemOf } from "./rollups.js";
import { validateRecord } from "./validate-record.js";

/**
 * The record if the user may see it and, for `edit` or `delete`, change or delete it. A record the
 * user cannot see does not exist for them (404); one they see but may not change is 403.
 */
export const loadAccessible = async (
  ctx: RecordContext,
  objectName: string,
  id: string,
  mode: AccessMode,
): Promise<StoredRecord> => {
  const matches = async (m: AccessMode) =>
    (await ctx.store.countRecords(objectName, and(idIs(id), await ctx.access.recordFilter(objectName, m)))) >
    0;
  if (!(await matches("read"))) throw notFound(`No ${objectName} record "${id}"`);
  if (mode !== "read" && !(await matches(mode))) {
    throw new EngineError(
      403,
      "forbidden",
      mode === "delete" ? "You may not delete this record" : "You may not change this record",
    );
  }
  const record = await ctx.store.getRecord(objectName, id);
  if (record === undefined) throw notFound(`No ${objectName} record "${id}"`);
  return record;
};

export const fieldValuesOf = (
  record: StoredRecord,
  fields: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): JsonObject => {
  const values: JsonObject = {};
  for (const [key, value] of Object.entries(record)) if (fields.has(key)) values[key] = value;
  return values;
};

export const staleVersion = (current: number) =>
  conflict("record.stale", "The record was changed by someone else; reload it and apply your change again", {
    currentVersion: current,
  });

/**
 * Updates a record the caller read at `expectedVersion`. The same checks as create, then one write
 * conditioned on the version: of two concurrent updates from one version exactly one wins, the
 * other gets 409 and nothing of it is stored.
 */
export const updateRecord = async (
  ctx: RecordContext,
  objectName: string,
  id: string,
  expectedVersion: number,
  body: unknown,
): Promise<JsonObject> => {
  const object = resolveObject(ctx, objectName, "edit");
  const current = await loadAccessible(ctx, objectName, id, "edit");
  const changes = applyInput(ctx, object, body);
  if (current.version !== expectedVersion) throw staleVersion(current.version);
  const before = fieldValuesOf(current, object.fields);
  const values: JsonObject = { ...before };
  for (const [field, value] of changes) {
    if (value === null) delete values[field];
    else values[field] = value;
  }
  const stamp = ctx.now().toISOString();
  const system: StoredRecord = {
    ...systemOf(current),
    version: current.version + 1,
    updatedAt: stamp,
    updatedBy: ctx.actor.userId,
  };
  computeFormulas(ctx, object, values, system);
  validateRecord(ctx, object, values, system, { ...systemOf(current), ...before });
  const changed = new Set(
    [...changes.keys()].filter(
      (f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(values[f] ?? null),
    ),
  );
  await checkReferences(ctx, object, values, changed);
  const next = { ...system, ...values } as StoredRecord;
  const history = historyEntries(object, id, before, values, system.version, stamp, ctx.actor.userId);
  let written: boolean;
  try {
    written = await ctx.store.updateRecord(object.name, next, current.version, history);
  } catch (error) {
    return uniqueViolationToProblem(error);
  }
  if (!written) {
    const latest = await ctx.store.getRecord(object.name, id);
    if (latest === undefined) throw notFound(`No ${objectName} record "${id}"`);
    throw staleVersion(latest.version);
  }
  // A deactivated user is signed out everywhere at once, and their API keys are revoked.
  if (object.name === "user" && before.active !== false && values.active === false) {
    await endCredentialsOf(ctx.store, id, stamp);
    await ctx.events?.userDeactivated?.(id);
  }
  await refreshRollups(ctx, object, [before, values]);
  return presentRecord(ctx, object, (await ctx.store.getRecord(object.name, id)) ?? next);
};
