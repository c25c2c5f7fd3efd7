import type { JsonObject } from "@tessera/metadata";
import type { RecordContext } from "../records/record-context.js";
import { IMPORTS } from "./import-entries.js";
import type { ImportState } from "./import-state.js";
import { importView } from "./import-view.js";

/** Imports of the tenant looked at per page while collecting the caller's own. */
const SCAN_PAGE = 200;
/** At most this many imports are looked at per request, however few are the caller's. */
const MAX_SCANNED = 5000;

/**
 * The caller's imports, newest first, optionally only those into `object` (and only into objects
 * they still read); `before`: only imports older than that one (a cursor).
 */
export const listImports = async (
  ctx: RecordContext,
  query: { object?: string; limit: number; before?: string },
): Promise<{ imports: JsonObject[]; nextCursor: string | null }> => {
  const found: Array<{ id: string; state: ImportState }> = [];
  let after = query.before;
  let scanned = 0;
  while (found.length <= query.limit && scanned < MAX_SCANNED) {
    const page = await ctx.store.listEntries(IMPORTS, {
      limit: SCAN_PAGE,
      ...(after !== undefined && { after }),
    });
    for (const entry of page) {
      const state = entry.body as unknown as ImportState;
      if (state.createdBy !== ctx.actor.userId) continue;
      if (query.object !== undefined && state.object !== query.object) continue;
      if (!ctx.access.can("read", state.object)) continue;
      found.push({ id: entry.id, state });
    }
    scanned += page.length;
    if (page.length < SCAN_PAGE) break;
    after = page[page.length - 1]?.id;
  }
  const shown = found.slice(0, query.limit);
  return {
    imports: shown.map(({ id, state }) => importView(id, state)),
    nextCursor: found.length > query.limit ? (shown[shown.length - 1]?.id ?? null) : null,
  };
};
