import { access } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { usableTimeZone } from "@tessera/metadata";
import { EngineError } from "../errors/engine-error.js";
import { type JobEnv, JobFailure, text } from "../jobs/job-context.js";
import type { JobResult } from "../jobs/job-result.js";
import { newRecordId } from "../records/record-id.js";
import { userContext } from "../security/user-context.js";
import type { TenantStore } from "../store/store-port.js";
import type { Job, NewJob } from "../store/work-types.js";
import { changeImport, type ImportEntry, readImport } from "./import-entries.js";
import { importsRoot, rowsFileOf } from "./import-files.js";
import { BATCH_ROWS, IMPORT_SLICE_MS } from "./import-limits.js";
import type { ImportCheckpoint, ImportProgress, ImportState } from "./import-state.js";
import { batchesOf, readRows } from "./read-rows.js";
import { clearErrorsAfter, recordRowErrors } from "./row-errors.js";
import { compileRowPlan, type RowPlan } from "./row-plan.js";
import { writeBatch } from "./write-batch.js";

export const IMPORT_JOB_KIND = "import";

export interface ImportJobOptions {
  /** The server's data dir (see importsRoot). */
  dataDir?: string;
  /** How long one run slice processes batches (default IMPORT_SLICE_MS). */
  sliceMs?: number;
}

/** A slice failing this often for a reason of its own (not a row's) fails the import. */
const MAX_SLICE_ATTEMPTS = 5;

/** The job running an import's next slice; its key keeps one per import. */
export const importJob = (importId: string, now: Date): NewJob => ({
  id: newRecordId(now),
  key: `import:${importId}`,
  kind: IMPORT_JOB_KIND,
  dueAt: now.toISOString(),
  payload: { importId },
});

const stop = async (
  store: TenantStore,
  importId: string,
  status: "completed" | "failed",
  at: Date,
  error?: string,
): Promise<ImportEntry | undefined> =>
  changeImport(store, importId, (state) =>
    state.status !== "running"
      ? undefined
      : {
          ...state,
          status,
          progress: { ...state.progress, finishedAt: at.toISOString() },
          ...(error !== undefined && { error }),
        },
  );

const failWith = async (env: JobEnv, importId: string, message: string): Promise<JobResult> => {
  await stop(env.store, importId, "failed", env.now(), message);
  return { status: "ok", message: `Import ${importId} failed: ${message}` };
};

const problemText = (error: EngineError): string =>
  [error.title, ...error.errors.map((problem) => problem.message)].join(" ");

/** Counts of a checkpoint: the state's own, plus the batch just done. */
const withBatch = (
  progress: ImportProgress,
  counts: Record<"processed" | "created" | "updated" | "failed" | "skipped", number>,
  rowsPerSecond: number,
): ImportProgress => ({
  ...progress,
  processed: progress.processed + counts.processed,
  created: progress.created + counts.created,
  updated: progress.updated + counts.updated,
  failed: progress.failed + counts.failed,
  skipped: progress.skipped + counts.skipped,
  rowsPerSecond,
});

/**
 * Records a batch's progress and where to go on, in one conditional write. A cancel that came in
 * meanwhile stays a cancel (the batch's rows landed and are counted): false means stop.
 */
const checkpoint = async (
  env: JobEnv,
  importId: string,
  counts: Record<"processed" | "created" | "updated" | "failed" | "skipped", number>,
  next: ImportCheckpoint,
  rowsPerSecond: number,
): Promise<boolean> => {
  const written = await changeImport(env.store, importId, (state): ImportState => {
    const progress = withBatch(state.progress, counts, rowsPerSecond);
    if (state.status === "cancelled")
      return {
        ...state,
        progress: { ...progress, finishedAt: state.progress.finishedAt ?? env.now().toISOString() },
      };
    return { ...state, progress, checkpoint: next };
  });
  return written?.state.status === "running";
};

const runSlice = async (env: JobEnv, entry: ImportEntry, options: ImportJobOptions): Promise<JobResult> => {
  const { id: importId, state } = entry;
  const base = await userContext(env.store, env.metadata, state.createdBy, env.now);
  if (base === undefined)
    return failWith(env, importId, "The user who started the import is no longer active.");
  // Alert rules are left to the find-duplicates job: a per-row alert has no reader in an import,
  // and matching every row cost four fifths of the import's time. Block rules still refuse rows.
  const ctx = { ...base, automation: state.settings?.automation !== false, duplicateAlerts: false };
  const user = await env.store.getRecord("user", state.createdBy);
  let plan: RowPlan;
  try {
    plan = compileRowPlan(ctx, state, usableTimeZone(user?.timeZone));
  } catch (error) {
    if (error instanceof EngineError) return failWith(env, importId, problemText(error));
    throw error;
  }
  const path = rowsFileOf(importsRoot(options.dataDir), env.store.tenant, importId);
  try {
    await access(path);
  } catch {
    return failWith(env, importId, "The uploaded file is gone from the server.");
  }
  // Rows after the checkpoint may have been done by a run that died: their errors are recorded anew.
  await clearErrorsAfter(env.store, importId, state.checkpoint.row);
  const sliceStarted = performance.now();
  let activeMs = state.checkpoint.activeMs;
  let rowsInSlice = 0;
  const rows = readRows(path, {
    offset: state.checkpoint.offset,
    row: state.checkpoint.row,
    delimiter: state.source.delimiter,
    width: state.headers.length,
  });
  for await (const batch of batchesOf(rows, BATCH_ROWS)) {
    const started = performance.now();
    const results = await writeBatch(ctx, plan, importId, batch);
    const counts = { processed: results.length, created: 0, updated: 0, failed: 0, skipped: 0 };
    for (const { row, outcome } of results) {
      if (outcome.kind === "failed") await recordRowErrors(env.store, importId, row, outcome.errors);
      counts[outcome.kind]++;
    }
    activeMs += performance.now() - started;
    rowsInSlice += results.length;
    const last = batch[batch.length - 1];
    if (last === undefined) continue;
    const elapsed = performance.now() - sliceStarted;
    const rate = Math.round((rowsInSlice / Math.max(elapsed, 1)) * 1000);
    const next = { offset: last.end, row: last.row, activeMs: Math.round(activeMs) };
    if (!(await checkpoint(env, importId, counts, next, rate)))
      return { status: "ok", message: `Import ${importId} cancelled after row ${last.row}.` };
    if (elapsed >= (options.sliceMs ?? IMPORT_SLICE_MS)) {
      await env.store.enqueueJobs([importJob(importId, env.now())]);
      return {
        status: "ok",
        message: `Import ${importId}: ${last.row} of ${state.totalRows} rows done; continuing.`,
      };
    }
  }
  const done = await changeImport(env.store, importId, (current) => {
    if (current.status !== "running") return undefined;
    const seconds = current.checkpoint.activeMs / 1000;
    return {
      ...current,
      status: "completed",
      progress: {
        ...current.progress,
        rowsPerSecond: seconds > 0 ? Math.round(current.progress.processed / seconds) : 0,
        finishedAt: env.now().toISOString(),
      },
    };
  });
  const progress = done?.state.progress;
  return {
    status: "ok",
    message: `Import ${importId} ${done?.state.status ?? "gone"}: ${progress?.created ?? 0} created, ${progress?.updated ?? 0} updated, ${progress?.failed ?? 0} failed, ${progress?.skipped ?? 0} skipped.`,
  };
};

/**
 * Runs one slice of a running import: batches of rows through the record pipeline as the
 * importing user, a checkpoint after each, until the file ends, the import is cancelled, or the
 * slice's time is up (then it queues its own continuation). A crash resumes at the last
 * checkpoint when the job's lease expires.
 */
export const runImportJob = async (
  env: JobEnv,
  job: Job,
  options: ImportJobOptions = {},
): Promise<JobResult> => {
  const importId = text(job.payload, "importId");
  if (importId === undefined) throw new JobFailure("The import job names no import.");
  const entry = await readImport(env.store, importId);
  if (entry === undefined || entry.state.status !== "running")
    return { status: "skipped", message: `Import ${importId} is not running.` };
  try {
    return await runSlice(env, entry, options);
  } catch (error) {
    if (job.attempts < MAX_SLICE_ATTEMPTS) throw error;
    await stop(env.store, importId, "failed", env.now(), "The import stopped after repeated server errors.");
    throw new JobFailure(
      `Import ${importId} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
};
