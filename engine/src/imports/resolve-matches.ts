import { and } from "../records/filter-helpers.js";
import type { RecordContext } from "../records/record-context.js";

/** A record an update row matched, at the version it was read. */
export interface MatchedRecord {
  id: string;
  version: number;
}

/**
 * Finds the records a batch's rows update, by the match field's values (unique, so at most one
 * record each), among the records the user may see: one query per batch. Keyed by the value as text.
 */
export const resolveMatches = async (
  ctx: RecordContext,
  object: string,
  field: string,
  values: ReadonlyArray<string | number>,
): Promise<Map<string, MatchedRecord>> => {
  const matches = new Map<string, MatchedRecord>();
  if (values.length === 0) return matches;
  const page = await ctx.store.findRecords(object, {
    filter: and(
      { op: "in", field, values: [...new Set(values)] },
      await ctx.access.recordFilter(object, "read"),
    ),
    sort: [],
    limit: values.length + 1,
    fields: field === "id" ? [] : [field],
  });
  for (const record of page.records)
    matches.set(String(field === "id" ? record.id : record[field]), {
      id: record.id,
      version: record.version,
    });
  return matches;
};
