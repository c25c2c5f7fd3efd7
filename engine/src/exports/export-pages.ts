import type { JsonObject } from "@tessera/metadata";
import { type ListParams, MAX_LIMIT } from "../query/list-params.js";
import { listRecords } from "../query/list-records.js";
import type { RecordContext } from "../records/record-context.js";
import type { UserNames } from "./export-cells.js";

/** One page of an export: records as the list API returns them, and the names of their users. */
export interface ExportPage {
  records: JsonObject[];
  userNames: UserNames;
}

/**
 * Names of users by id, read through the list API as the runtime reads them (so only users the
 * caller may see, and only when they may read the user's name field); others stay unnamed.
 */
const userNamesOf = async (ctx: RecordContext, ids: ReadonlySet<string>): Promise<UserNames> => {
  const names = new Map<string, string>();
  const users = ctx.metadata.objects.get("user");
  if (ids.size === 0 || users === undefined || !ctx.access.can("read", "user")) return names;
  if (!ctx.access.readableFields("user").has(users.recordName)) return names;
  const all = [...ids];
  for (let start = 0; start < all.length; start += MAX_LIMIT) {
    const chunk = all.slice(start, start + MAX_LIMIT);
    const page = await listRecords(ctx, "user", {
      filter: JSON.stringify({ in: [{ var: "id" }, chunk] }),
      fields: users.recordName,
      limit: String(chunk.length),
    });
    for (const user of page.records) {
      const name = user[users.recordName];
      if (typeof user.id === "string" && typeof name === "string") names.set(user.id, name);
    }
  }
  return names;
};

/**
 * Reads an export page by page through `listRecords` itself (the same parsing, sharing filter,
 * scope, search, field-level projection and presentation as the list API), following its keyset
 * cursors with the largest page it allows. `userFields` are the system user columns to name.
 */
export const exportPageReader = (
  ctx: RecordContext,
  object: string,
  params: ListParams,
  userFields: readonly string[],
) => {
  let cursor: string | null | undefined;
  return {
    /** The next page, or undefined after the last one. */
    async next(): Promise<ExportPage | undefined> {
      if (cursor === null) return undefined;
      const list = await listRecords(ctx, object, {
        ...params,
        limit: String(MAX_LIMIT),
        ...(cursor !== undefined && { cursor }),
      });
      cursor = list.nextCursor;
      const ids = new Set<string>();
      for (const record of list.records)
        for (const field of userFields) {
          const id = record[field];
          if (typeof id === "string") ids.add(id);
        }
      return { records: list.records, userNames: await userNamesOf(ctx, ids) };
    },
  };
};

export type ExportPageReader = ReturnType<typeof exportPageReader>;
