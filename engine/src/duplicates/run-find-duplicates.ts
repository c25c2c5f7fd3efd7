import type { JsonObject } from "@tessera/metadata";
import { type JobEnv, JobFailure } from "../jobs/job-context.js";
import type { JobResult } from "../jobs/job-result.js";
import type { Job } from "../store/work-types.js";
import {
  chunkEntryId,
  DUPLICATE_GROUPS,
  type DuplicateJobState,
  GROUPS_PER_ENTRY,
  readDuplicateJob,
  type StoredGroupChunk,
  writeDuplicateJob,
} from "./duplicate-job-entries.js";
import { type CompiledDuplicateRule, duplicateRulesOf, ruleFields } from "./duplicate-rules.js";
import { type FoundGroup, groupDuplicates, type KeyedRecord } from "./group-duplicates.js";
import { matchKeys } from "./match-values.js";

/** Records read per store query. */
const PAGE = 5000;
/** Share of the progress bar the reading takes; grouping and saving the groups take the rest. */
const READING = 80;
const GROUPING = 90;

const percentOf = (processed: number, total: number) =>
  total === 0 ? READING : Math.min(READING, Math.floor((processed / total) * READING));

/**
 * Runs a find-duplicates job: reads every record of the object in pages (keyset, only the compared
 * fields), groups duplicates in memory per rule (group-duplicates.ts) and stores the groups, best
 * first, GROUPS_PER_ENTRY to an entry `duplicateGroups/<jobId>:<n>`, with progress on the job's
 * entry. A job run again (after a crash) starts over: its earlier groups are removed first. A job
 * that fails is marked failed, not retried: its owner starts another.
 */
export const runFindDuplicates = async (env: JobEnv, job: Job): Promise<JobResult> => {
  const state = await readDuplicateJob(env.store, job.id);
  if (state === undefined) throw new JobFailure(`No duplicate job "${job.id}".`);
  try {
    return await findDuplicates(env, job, state);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await writeDuplicateJob(env.store, job.id, {
      ...state,
      status: "failed",
      error: message,
      finishedAt: env.now().toISOString(),
    });
    throw error instanceof JobFailure ? error : new JobFailure(message);
  }
};

const findDuplicates = async (env: JobEnv, job: Job, state: DuplicateJobState): Promise<JobResult> => {
  const { store } = env;
  const fail = (message: string): never => {
    throw new JobFailure(message);
  };
  const object = env.metadata.objects.get(state.object);
  if (object === undefined) return fail(`The object "${state.object}" no longer exists.`);
  const known = new Map(duplicateRulesOf(env.metadata, object.name).map((r) => [r.name, r]));
  const rules: CompiledDuplicateRule[] = [];
  for (const name of state.rules) {
    const rule = known.get(name);
    if (rule === undefined) return fail(`The duplicate rule "${name}" no longer exists.`);
    rules.push(rule);
  }
  await store.deleteEntries(DUPLICATE_GROUPS, `${job.id}:`);
  const total = await store.countRecords(object.name);
  let current: DuplicateJobState = {
    ...state,
    status: "running",
    startedAt: env.now().toISOString(),
    progress: { processed: 0, total, percent: 0 },
    pairs: 0,
    groups: 0,
  };
  await writeDuplicateJob(store, job.id, current);
  const keyed = rules.map((): KeyedRecord[] => []);
  const fields = [...new Set(rules.flatMap(ruleFields))];
  let processed = 0;
  for (let after: string | undefined; ; ) {
    const page = await store.findRecords(object.name, {
      sort: [],
      limit: PAGE,
      fields,
      ...(after !== undefined && { after: [after] }),
    });
    for (const record of page.records) {
      rules.forEach((rule, i) => {
        const keys = matchKeys(rule, record);
        if (keys !== undefined) keyed[i]?.push({ id: record.id, keys });
      });
    }
    processed += page.records.length;
    after = page.records.at(-1)?.id;
    current = {
      ...current,
      progress: { processed, total: Math.max(total, processed), percent: percentOf(processed, total) },
    };
    await writeDuplicateJob(store, job.id, current);
    if (!page.hasMore || after === undefined) break;
  }
  const found: Array<FoundGroup & { rule: string }> = [];
  let pairs = 0;
  for (const [i, rule] of rules.entries()) {
    const result = await groupDuplicates(rule, keyed[i] ?? []);
    pairs += result.pairs;
    for (const group of result.groups) found.push({ ...group, rule: rule.name });
  }
  found.sort((a, b) => b.score - a.score || b.ids.length - a.ids.length);
  current = { ...current, pairs, progress: { ...current.progress, percent: GROUPING } };
  await writeDuplicateJob(store, job.id, current);
  for (let start = 0; start < found.length; start += GROUPS_PER_ENTRY) {
    const chunk: StoredGroupChunk = {
      groups: found
        .slice(start, start + GROUPS_PER_ENTRY)
        .map((g) => ({ rule: g.rule, score: g.score, recordIds: g.ids })),
    };
    await store.putEntry(
      DUPLICATE_GROUPS,
      chunkEntryId(job.id, start / GROUPS_PER_ENTRY),
      chunk as unknown as JsonObject,
    );
  }
  await writeDuplicateJob(store, job.id, {
    ...current,
    status: "completed",
    groups: found.length,
    progress: { ...current.progress, percent: 100 },
    finishedAt: env.now().toISOString(),
  });
  return {
    status: "ok",
    message: `Found ${found.length} group(s) of duplicate ${object.name} records among ${processed}.`,
    details: { duplicateJob: job.id, groups: found.length, pairs },
  };
};
