import type { JsonObject } from "@tessera/metadata";
import { presentRecord } from "./present-records.js";
import type { RecordContext } from "./record-context.js";
import { resolveObject } from "./resolve-object.js";
import { loadAccessible } from "./update-record.js";

/** One record as the user may see it; 404 when it does not exist or is not shared with them. */
export const getRecord = async (ctx: RecordContext, objectName: string, id: string): Promise<JsonObject> => {
  const object = resolveObject(ctx, objectName, "read");
  return presentRecord(ctx, object, await loadAccessible(ctx, objectName, id, "read"));
};

/** Field history of a record the user may see, limited to fields they may read. */
export const recordHistory = async (
  ctx: RecordContext,
  objectName: string,
  id: string,
): Promise<JsonObject[]> => {
  const object = resolveObject(ctx, objectName, "read");
  await loadAccessible(ctx, objectName, id, "read");
  const readable = ctx.access.readableFields(object.name);
  const entries = await ctx.store.history(object.name, id, { limit: 500 });
  return entries
    .filter(
      (e) => e.field === "_created" || e.field === "_merge" || e.field === "ownerId" || readable.has(e.field),
    )
    .map((e) => ({
      field: e.field,
      oldValue: e.oldValue,
      newValue: e.newValue,
      version: e.version,
      changedAt: e.changedAt,
      changedBy: e.changedBy,
    }));
};
