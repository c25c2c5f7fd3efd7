import type { FilterNode, JsonObject, JsonValue } from "@tessera/metadata";
import { and } from "../records/filter-helpers.js";
import { presentRecords } from "../records/present-records.js";
import type { RecordContext } from "../records/record-context.js";
import { resolveObject } from "../records/resolve-object.js";
import { encodeCursor, type ListParams, parseListParams } from "./list-params.js";
import { scopeFilter } from "./scope-filter.js";

export interface RecordList {
  records: JsonObject[];
  nextCursor: string | null;
  total?: number;
}

/** `q`: a case-insensitive substring of any searchable field the user may read (never hidden ones). */
const searchFilter = (fields: readonly string[], text: string): FilterNode =>
  fields.length === 0
    ? { op: "not", child: { op: "true" } }
    : { op: "or", children: fields.map((field) => ({ op: "contains", field, value: text })) };

/**
 * Lists records the user may see: their filter ANDed with the sharing filter inside the store
 * query (so pages and counts never over-fetch), search over readable text fields only, keyset
 * pagination, field-level projection.
 */
export const listRecords = async (
  ctx: RecordContext,
  objectName: string,
  params: ListParams,
): Promise<RecordList> => {
  const object = resolveObject(ctx, objectName, "read");
  const readable = ctx.access.readableFields(object.name);
  const parsed = parseListParams(object, readable, params);
  const search =
    parsed.q === undefined
      ? undefined
      : searchFilter(
          object.searchFields.filter((f) => readable.has(f)),
          parsed.q,
        );
  const filter = and(
    parsed.filter,
    search,
    await scopeFilter(ctx, parsed.scope),
    await ctx.access.recordFilter(object.name, "read"),
  );
  const page = await ctx.store.findRecords(object.name, {
    ...(filter !== undefined && { filter }),
    sort: parsed.sort,
    limit: parsed.limit,
    ...(parsed.after !== undefined && { after: parsed.after }),
    ...(parsed.fields !== undefined && { fields: [...parsed.fields] }),
  });
  const last = page.records.at(-1);
  const nextCursor =
    page.hasMore && last !== undefined
      ? encodeCursor(parsed.sort, [...parsed.sort.map((k) => (last[k.field] ?? null) as JsonValue), last.id])
      : null;
  const records = await presentRecords(ctx, object, page.records, parsed.fields);
  if (!parsed.count) return { records, nextCursor };
  const total = await ctx.store.countRecords(object.name, filter);
  return { records, nextCursor, total };
};
