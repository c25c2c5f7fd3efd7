import { and } from "./filter-helpers.js";
import type { RecordContext } from "./record-context.js";

const BATCH = 500;

/**
 * Names of the records of `target` with these ids, only for those the caller may see, by the rule
 * every read path applies to lookups (presentRecords, reports, exports): the caller reads the object, its name field and, through
 * the sharing filter inside the query, the record. Nothing else is returned: a group key naming a
 * record the caller may not see must not reveal its name.
 */
export const visibleNames = async (
  ctx: RecordContext,
  target: string,
  ids: ReadonlySet<string>,
): Promise<Map<string, string>> => {
  const names = new Map<string, string>();
  const compiled = ctx.metadata.objects.get(target);
  if (compiled === undefined || ids.size === 0 || !ctx.access.can("read", target)) return names;
  if (!ctx.access.readableFields(target).has(compiled.recordName)) return names;
  const access = await ctx.access.recordFilter(target, "read");
  const all = [...ids];
  for (let start = 0; start < all.length; start += BATCH) {
    const batch = all.slice(start, start + BATCH);
    const page = await ctx.store.findRecords(target, {
      filter: and({ op: "in", field: "id", values: batch }, access),
      sort: [],
      limit: batch.length,
      fields: [compiled.recordName],
    });
    for (const record of page.records) {
      const name = record[compiled.recordName];
      if (name !== undefined && name !== null) names.set(record.id, String(name));
    }
  }
  return names;
};
