import type { JsonObject } from "@tessera/metadata";
import { EngineError } from "../errors/engine-error.js";
import { and } from "../records/filter-helpers.js";
import type { RecordContext } from "../records/record-context.js";
import { resolveObject } from "../records/resolve-object.js";
import { MERGES, type MergeEntry, presentMerge } from "./merge-log.js";

const LISTED = 50;

/**
 * Merges of `object`, newest first: those whose surviving record the caller may see (a merge is
 * about the survivor; its snapshots stay in the log).
 */
export const listMerges = async (
  ctx: RecordContext,
  objectName: string | undefined,
): Promise<JsonObject[]> => {
  if (objectName === undefined)
    throw new EngineError(400, "badRequest", "Name the object: ?object=", [
      { path: "/object", code: "query.required", message: "Pass ?object=<object name>." },
    ]);
  const object = resolveObject(ctx, objectName, "read");
  const entries = await ctx.store.listEntries(MERGES, { prefix: `${object.name}:`, limit: LISTED });
  const merges = entries.map((e) => ({ id: e.id, merge: e.body as unknown as MergeEntry }));
  const survivorIds = [...new Set(merges.map((m) => m.merge.survivorId))];
  if (survivorIds.length === 0) return [];
  const visible = await ctx.store.findRecords(object.name, {
    filter: and(
      { op: "in", field: "id", values: survivorIds },
      await ctx.access.recordFilter(object.name, "read"),
    ),
    sort: [],
    limit: survivorIds.length,
    fields: [],
  });
  const seen = new Set(visible.records.map((r) => r.id));
  return merges.filter((m) => seen.has(m.merge.survivorId)).map((m) => presentMerge(m.id, m.merge));
};
