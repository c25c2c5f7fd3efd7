import type { RecordContext } from "./record-context.js";

const MAX_SHARES = 10_000;

/**
 * Ids of the manual shares of `records`. A share names its record by object and id, not by a
 * lookup, so nothing else removes it when the record is deleted or changes owner.
 */
export const manualShareIds = async (
  ctx: RecordContext,
  records: ReadonlyArray<{ object: string; id: string }>,
): Promise<string[]> => {
  if (!ctx.metadata.objects.has("recordShare")) return [];
  const byObject = new Map<string, string[]>();
  for (const { object, id } of records) byObject.set(object, [...(byObject.get(object) ?? []), id]);
  const ids: string[] = [];
  for (const [object, recordIds] of byObject) {
    const page = await ctx.store.findRecords("recordShare", {
      filter: {
        op: "and",
        children: [
          { op: "compare", field: "sharedObject", operator: "==", value: object },
          { op: "in", field: "sharedRecord", values: recordIds },
        ],
      },
      sort: [],
      limit: MAX_SHARES,
      fields: [],
    });
    ids.push(...page.records.map((r) => r.id));
  }
  return ids;
};
