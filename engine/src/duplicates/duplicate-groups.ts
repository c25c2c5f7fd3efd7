import type { JsonObject, JsonValue } from "@tessera/metadata";
import { EngineError } from "../errors/engine-error.js";
import { and } from "../records/filter-helpers.js";
import { presentRecords } from "../records/present-records.js";
import type { RecordContext } from "../records/record-context.js";
import { resolveObject } from "../records/resolve-object.js";
import type { TenantStore } from "../store/store-port.js";
import {
  DUPLICATE_GROUPS,
  groupId,
  parseGroupId,
  type StoredDuplicateGroup,
  type StoredGroupChunk,
} from "./duplicate-job-entries.js";
import { loadOwnDuplicateJob } from "./duplicate-jobs.js";
import { duplicateRulesOf } from "./duplicate-rules.js";
import { readsRuleFields } from "./visible-records.js";

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
/** Stored groups looked at per request at most: a reader who sees few records still gets an answer soon. */
const MAX_EXAMINED = 5000;
const CHUNKS_PER_READ = 5;

const SYSTEM_KEYS = new Set(["id", "version", "ownerId", "createdAt", "createdBy", "updatedAt", "updatedBy"]);

interface Listed {
  id: string;
  group: StoredDuplicateGroup;
}

const badQuery = (path: string, message: string) =>
  new EngineError(400, "badRequest", message, [{ path, code: `query${path.replace("/", ".")}`, message }]);

const limitOf = (raw: string | undefined): number => {
  if (raw === undefined) return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw badQuery("/limit", `Use a limit from 1 to ${MAX_LIMIT}.`);
  return limit;
};

/** The job's groups in order, from just after the group `after` (its id) on. */
async function* groupsAfter(store: TenantStore, jobId: string, after?: { chunkId: string; index: number }) {
  if (after !== undefined) {
    const chunk = (await store.getEntry(DUPLICATE_GROUPS, after.chunkId))?.body as
      | StoredGroupChunk
      | undefined;
    for (const [index, group] of (chunk?.groups ?? []).entries())
      if (index > after.index) yield { id: groupId(after.chunkId, index), group } satisfies Listed;
  }
  let cursor = after?.chunkId;
  for (;;) {
    const entries = await store.listEntries(DUPLICATE_GROUPS, {
      prefix: `${jobId}:`,
      order: "asc",
      limit: CHUNKS_PER_READ,
      ...(cursor !== undefined && { after: cursor }),
    });
    if (entries.length === 0) return;
    for (const entry of entries) {
      for (const [index, group] of (entry.body as unknown as StoredGroupChunk).groups.entries())
        yield { id: groupId(entry.id, index), group } satisfies Listed;
      cursor = entry.id;
    }
  }
}

const nameOf = (value: JsonValue): string =>
  typeof value === "object" && value !== null && !Array.isArray(value) && typeof value.name === "string"
    ? value.name
    : String(value);

/**
 * Groups a job found, as the caller may see them: records they may not see are left out, and so is
 * a group left with fewer than two, or found by a rule comparing a field they may not read (the
 * match would reveal it); each record shows only the fields they may read (lookups as `{id, name}`).
 * Pages follow the job's order (best score first); `cursor` is the previous page's `nextCursor`.
 */
export const listDuplicateGroups = async (
  ctx: RecordContext,
  jobId: string,
  query: { limit?: string; cursor?: string },
): Promise<{ groups: JsonObject[]; nextCursor: string | null }> => {
  const job = await loadOwnDuplicateJob(ctx, jobId);
  const object = resolveObject(ctx, job.object, "read");
  const limit = limitOf(query.limit);
  const after = query.cursor === undefined ? undefined : parseGroupId(jobId, query.cursor);
  if (query.cursor !== undefined && after === undefined)
    throw badQuery("/cursor", "Pass the nextCursor of the previous page.");
  const readFilter = await ctx.access.recordFilter(object.name, "read");
  const readable = new Set(
    duplicateRulesOf(ctx.metadata, object.name)
      .filter((rule) => readsRuleFields(ctx, rule))
      .map((rule) => rule.name),
  );
  const shown: JsonObject[] = [];
  let examined = 0;
  let last: string | undefined;
  const batch: Listed[] = [];
  const flush = async (): Promise<boolean> => {
    const ids = [...new Set(batch.flatMap((l) => l.group.recordIds))];
    const page = await ctx.store.findRecords(object.name, {
      filter: and({ op: "in", field: "id", values: ids }, readFilter),
      sort: [],
      limit: ids.length,
    });
    const byId = new Map((await presentRecords(ctx, object, page.records)).map((r) => [String(r.id), r]));
    for (const { id, group } of batch.splice(0)) {
      last = id;
      const records = group.recordIds.flatMap((recordId) => {
        const record = byId.get(recordId);
        if (record === undefined) return [];
        const values: JsonObject = {};
        for (const [key, value] of Object.entries(record)) if (!SYSTEM_KEYS.has(key)) values[key] = value;
        const name = record[object.recordName];
        return [{ id: recordId, name: name === undefined ? null : nameOf(name), values }];
      });
      if (records.length >= 2) shown.push({ id, rule: group.rule, score: group.score, records });
      if (shown.length === limit) return true;
    }
    return false;
  };
  for await (const listed of groupsAfter(ctx.store, jobId, after)) {
    examined += 1;
    last = listed.id;
    if (readable.has(listed.group.rule)) batch.push(listed);
    if (batch.length >= limit && (await flush())) return { groups: shown, nextCursor: last ?? null };
    if (examined >= MAX_EXAMINED) {
      if (batch.length > 0 && (await flush())) return { groups: shown, nextCursor: last ?? null };
      return { groups: shown, nextCursor: last ?? null };
    }
  }
  if (batch.length > 0 && (await flush())) return { groups: shown, nextCursor: last ?? null };
  return { groups: shown, nextCursor: null };
};
