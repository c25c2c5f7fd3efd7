import { isPlainObject, type JsonObject } from "@tessera/metadata";
import { EngineError, notFound } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import { newRecordId } from "../records/record-id.js";
import { resolveObject } from "../records/resolve-object.js";
import {
  DUPLICATE_JOBS,
  type DuplicateJobState,
  FIND_DUPLICATES_JOB,
  presentDuplicateJob,
  readDuplicateJob,
} from "./duplicate-job-entries.js";
import { activeDuplicateRulesOf, duplicateRulesOf } from "./duplicate-rules.js";

const refuse = (path: string, code: string, message: string) =>
  new EngineError(422, "invalid", "The duplicate search cannot start", [{ path, code, message }]);

/**
 * Starts finding duplicates of an object (`{object, rule?}`: one rule, or every active rule of the
 * object) as a durable job of the caller. Needs read access to the object; the job compares every
 * record, and what it found is shown to each reader as their access allows.
 */
export const startDuplicateJob = async (ctx: RecordContext, body: unknown): Promise<JsonObject> => {
  if (!isPlainObject(body)) throw refuse("", "body.notAnObject", "Send {object, rule?}.");
  const unknown = Object.keys(body).filter((k) => k !== "object" && k !== "rule");
  if (unknown.length > 0)
    throw refuse(`/${unknown[0]}`, "field.unknown", `"${unknown[0]}" is not a setting here.`);
  if (typeof body.object !== "string")
    throw refuse("/object", "field.required", "Name the object to search.");
  const object = resolveObject(ctx, body.object, "read");
  let rules: string[];
  if (body.rule !== undefined) {
    const rule = duplicateRulesOf(ctx.metadata, object.name).find((r) => r.name === body.rule);
    if (rule === undefined)
      throw refuse(
        "/rule",
        "duplicateRule.unknown",
        `"${object.name}" has no duplicate rule "${String(body.rule)}".`,
      );
    rules = [rule.name];
  } else {
    rules = activeDuplicateRulesOf(ctx.metadata, object.name).map((r) => r.name);
    if (rules.length === 0)
      throw refuse(
        "/object",
        "duplicateRule.none",
        `"${object.name}" has no active duplicate rule to search with.`,
      );
  }
  const now = ctx.now();
  const id = newRecordId(now);
  const state: DuplicateJobState = {
    object: object.name,
    rules,
    status: "running",
    progress: { processed: 0, total: 0, percent: 0 },
    pairs: 0,
    groups: 0,
    createdAt: now.toISOString(),
    createdBy: ctx.actor.userId,
  };
  await ctx.store.putEntry(DUPLICATE_JOBS, id, state as unknown as JsonObject, { ifRevision: 0 });
  await ctx.store.enqueueJobs([
    {
      id,
      kind: FIND_DUPLICATES_JOB,
      dueAt: now.toISOString(),
      payload: { object: object.name, duplicateJob: id },
    },
  ]);
  return presentDuplicateJob(id, state);
};

/** A job of the caller; another user's job does not exist for them. */
export const loadOwnDuplicateJob = async (ctx: RecordContext, id: string): Promise<DuplicateJobState> => {
  const state = await readDuplicateJob(ctx.store, id);
  if (state === undefined || state.createdBy !== ctx.actor.userId) throw notFound(`No duplicate job "${id}"`);
  resolveObject(ctx, state.object, "read");
  return state;
};

export const getDuplicateJob = async (ctx: RecordContext, id: string): Promise<JsonObject> =>
  presentDuplicateJob(id, await loadOwnDuplicateJob(ctx, id));

const LISTED = 20;
const SCANNED = 500;

/** The caller's latest jobs on `object`, newest first. */
export const listDuplicateJobs = async (
  ctx: RecordContext,
  objectName: string | undefined,
): Promise<JsonObject[]> => {
  if (objectName === undefined)
    throw new EngineError(400, "badRequest", "Name the object: ?object=", [
      { path: "/object", code: "query.required", message: "Pass ?object=<object name>." },
    ]);
  const object = resolveObject(ctx, objectName, "read");
  const entries = await ctx.store.listEntries(DUPLICATE_JOBS, { limit: SCANNED });
  const jobs: JsonObject[] = [];
  for (const entry of entries) {
    const state = entry.body as unknown as DuplicateJobState;
    if (state.object !== object.name || state.createdBy !== ctx.actor.userId) continue;
    jobs.push(presentDuplicateJob(entry.id, state));
    if (jobs.length === LISTED) break;
  }
  return jobs;
};
