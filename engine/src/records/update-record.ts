import type { JsonObject } from "@tessera/metadata";
import { checkNotLocked } from "../approvals/record-lock.js";
import { conflict, EngineError, notFound } from "../errors/engine-error.js";
import type { AccessMode } from "../security/access-policy.js";
import type { StoredRecord } from "../store/store-port.js";
import { applyInput } from "./apply-input.js";
import { and, idIs } from "./filter-helpers.js";
import { presentRecord } from "./present-records.js";
import type { RecordContext } from "./record-context.js";
import { resolveObject } from "./resolve-object.js";
import { fieldValuesOf, saveUpdate } from "./save-update.js";

export { fieldValuesOf };

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
  checkNotLocked(ctx, current, "edit");
  const written = await saveUpdate(ctx, object, current, changes);
  if (written === undefined) {
    const latest = await ctx.store.getRecord(object.name, id);
    if (latest === undefined) throw notFound(`No ${objectName} record "${id}"`);
    throw staleVersion(latest.version);
  }
  return presentRecord(ctx, object, written);
};
