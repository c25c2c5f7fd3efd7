import { coerceFieldValue, isRecordId, type JsonValue, localize } from "@tessera/metadata";
import { and } from "../records/filter-helpers.js";
import type { RecordContext } from "../records/record-context.js";

/** What a lookup cell names: one record the user may see, or why it names none. */
export type LookupResult = { id: string } | { error: string };

const PAGE = 1000;

/** A filterable value for a key: as the field stores it (coerced), else the text itself. */
const storedForm = (ctx: RecordContext, object: string, field: string, key: string): string | number => {
  const definition = ctx.metadata.objects.get(object)?.fields.get(field);
  if (
    definition === undefined ||
    (definition.type !== "number" && definition.type !== "email" && definition.type !== "phone")
  )
    return key;
  const coerced = coerceFieldValue(definition, key);
  return coerced.ok && (typeof coerced.value === "string" || typeof coerced.value === "number")
    ? coerced.value
    : key;
};

/**
 * Resolves the distinct keys of a batch's lookup column in a few queries (never one per row),
 * among the records of `target` the user may see: by id, by the record name (two records of the
 * same name make the cell ambiguous) or by a unique field (an external id).
 */
export const resolveLookups = async (
  ctx: RecordContext,
  lookup: { target: string; by: string },
  keys: ReadonlySet<string>,
): Promise<Map<string, LookupResult>> => {
  const results = new Map<string, LookupResult>();
  if (keys.size === 0) return results;
  const compiled = ctx.metadata.objects.get(lookup.target);
  const label = (compiled && localize(compiled.definition.label, ctx.locale)) ?? lookup.target;
  const visible = await ctx.access.recordFilter(lookup.target, "read");
  const field =
    lookup.by === "id" ? "id" : lookup.by === "name" ? (compiled?.recordName ?? "name") : lookup.by;
  const stored = new Map<string, string | number>();
  for (const key of keys) {
    if (lookup.by === "id" && !isRecordId(key)) continue;
    stored.set(key, lookup.by === "id" ? key : storedForm(ctx, lookup.target, field, key));
  }
  const found = new Map<string, { id: string; count: number }>();
  const values = [...new Set(stored.values())];
  if (compiled !== undefined && values.length > 0) {
    let after: JsonValue[] | undefined;
    for (;;) {
      const page = await ctx.store.findRecords(lookup.target, {
        filter: and({ op: "in", field, values }, visible),
        sort: field === "id" ? [] : [{ field, direction: "asc" }],
        limit: PAGE,
        fields: field === "id" ? [] : [field],
        ...(after !== undefined && { after }),
      });
      for (const record of page.records) {
        const text = String(field === "id" ? record.id : record[field]);
        const seen = found.get(text);
        found.set(text, { id: seen?.id ?? record.id, count: (seen?.count ?? 0) + 1 });
      }
      const last = page.records[page.records.length - 1];
      if (!page.hasMore || last === undefined) break;
      after = field === "id" ? [last.id] : [last[field] ?? null, last.id];
    }
  }
  for (const key of keys) {
    const value = stored.get(key);
    const match = value === undefined ? undefined : found.get(String(value));
    const shown = key.slice(0, 100);
    if (match === undefined)
      results.set(key, {
        error:
          lookup.by === "id"
            ? `No ${label} record "${shown}" that you can see.`
            : `No ${label} record ${lookup.by === "name" ? "named" : `with ${field}`} "${shown}" that you can see.`,
      });
    else if (match.count > 1)
      results.set(key, {
        error: `${match.count} ${label} records are named "${shown}": name the record by its id or a unique field instead.`,
      });
    else results.set(key, { id: match.id });
  }
  return results;
};
