import { and } from "../records/filter-helpers.js";
import type { RecordContext } from "../records/record-context.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import type { CompiledDuplicateRule } from "./duplicate-rules.js";

/**
 * The records among `ids` the user may see, each with its name (null when they may not read the
 * name field). A record they cannot see is left out: it does not exist for them.
 */
export const visibleRecordNames = async (
  ctx: RecordContext,
  object: CompiledObject,
  ids: readonly string[],
): Promise<Map<string, string | null>> => {
  const names = new Map<string, string | null>();
  if (ids.length === 0 || !ctx.access.can("read", object.name)) return names;
  const readsName = ctx.access.readableFields(object.name).has(object.recordName);
  const page = await ctx.store.findRecords(object.name, {
    filter: and(
      { op: "in", field: "id", values: [...new Set(ids)] },
      await ctx.access.recordFilter(object.name, "read"),
    ),
    sort: [],
    limit: ids.length,
    fields: [object.recordName],
  });
  for (const record of page.records) {
    const name = record[object.recordName];
    names.set(record.id, readsName && name !== undefined && name !== null ? String(name) : null);
  }
  return names;
};

/**
 * Whether the user may learn that a record matches under `rule`: only when they may read every
 * field it compares, so a match never reveals a value field-level security hides.
 */
export const readsRuleFields = (ctx: RecordContext, rule: CompiledDuplicateRule): boolean => {
  const readable = ctx.access.readableFields(rule.object);
  return rule.conditions.every((c) => readable.has(c.field));
};
