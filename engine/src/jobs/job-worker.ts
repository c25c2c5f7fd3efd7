import { randomUUID } from "node:crypto";
import type { JsonObject } from "@tessera/metadata";
import type { Logger } from "pino";
import { runFindDuplicates } from "../duplicates/run-find-duplicates.js";
import { IMPORT_JOB_KIND, runImportJob } from "../imports/index.js";
import { newRecordId } from "../records/record-id.js";
import type { MetadataCache } from "../registry/metadata-cache.js";
import type { Store, TenantStore } from "../store/store-port.js";
import type { AutomationLogEntry, Job } from "../store/work-types.js";
import { retryDelayMs } from "../webhooks/index.js";
import { type JobEnv, JobFailure } from "./job-context.js";
import type { JobResult } from "./job-result.js";
import { runCreateRecord } from "./run-create-record.js";
import { runEmail, type SmtpSettings } from "./run-email.js";
import { runNotify } from "./run-notify.js";
import { runPluginAction } from "./run-plugin-action.js";
import { runTimer } from "./run-timer.js";
import { runWebhook } from "./run-webhook.js";

export interface JobWorkerOptions {
  store: Store;
  cache: MetadataCache;
  logger: Logger;
  /** How often due work is looked for when nobody nudges (default 1000 ms). */
  pollMs?: number;
  /** First retry delay; doubles per attempt (default 5 s). */
  retryBaseMs?: number;
  /** A job whose worker died is claimable again after this (default 5 minutes). */
  leaseMs?: number;
  webhookTimeoutMs?: number;
  smtp?: SmtpSettings;
  now?: () => Date;
  /** The server's data dir, where import jobs read uploaded files (see imports/import-files.ts). */
  dataDir?: string;
}

export interface JobWorker {
  /** New work may be due: look now rather than at the next poll. */
  nudge(): void;
  /** Finishes the jobs in hand and stops; no job is left half-done by a graceful stop. */
  stop(): Promise<void>;
}

/** Attempts of a job that keeps failing unexpectedly before it is given up (webhooks: their own limit). */
const MAX_ATTEMPTS = 8;
const BATCH = 20;

const LOG_KIND: Record<string, AutomationLogEntry["kind"]> = {
  notify: "notification",
  webhook: "webhook",
  email: "email",
  timer: "automation",
  createRecord: "automation",
  pluginAction: "automation",
};

const run = (env: JobEnv, job: Job, options: JobWorkerOptions): Promise<JobResult> => {
  switch (job.kind) {
    case "notify":
      return runNotify(env, job).then((done) => ({
        status: "ok",
        message: `${done.notifications} notification(s), ${done.emails} e-mail(s).`,
      }));
    case "webhook":
      return runWebhook(env, job, options.webhookTimeoutMs);
    case "timer":
      return runTimer(env, job);
    case "createRecord":
      return runCreateRecord(env, job);
    case "pluginAction":
      return runPluginAction(env, job);
    case "email":
      return runEmail(env, job, options.smtp);
    case "findDuplicates":
      return runFindDuplicates(env, job);
    case IMPORT_JOB_KIND:
      return runImportJob(env, job, { ...(options.dataDir !== undefined && { dataDir: options.dataDir }) });
    default:
      throw new JobFailure(`Unknown job kind "${job.kind}".`);
  }
};

const logOf = (
  env: JobEnv,
  job: Job,
  status: AutomationLogEntry["status"],
  message: string,
  details?: JsonObject,
) => {
  const source = job.payload.source as JsonObject | undefined;
  const name = source?.name ?? job.payload.automation ?? job.payload.template;
  const recordId = job.payload.recordId ?? job.payload.sourceRecordId;
  // A created record's job names the object it creates; its entry is about the triggering record.
  const object = job.payload.sourceObject ?? job.payload.object;
  return env.store.appendLog({
    id: newRecordId(env.now()),
    at: env.now().toISOString(),
    kind: LOG_KIND[job.kind] ?? "automation",
    ...(typeof name === "string" && { name }),
    ...(typeof object === "string" && { object }),
    ...(typeof recordId === "string" && { recordId }),
    status,
    message,
    details: { jobId: job.id, kind: job.kind, attempt: job.attempts, ...details },
  });
};

/**
 * Runs the tenants' due jobs: scheduled automations, SLA timers, notifications, webhooks and
 * e-mails. Jobs live in the store, so they survive restarts; a job is leased while it runs, and a
 * lease that outlives a crashed worker expires so the job runs again (at least once; webhooks
 * carry their event id so receivers can drop a repeat).
 */
export const startJobWorker = (options: JobWorkerOptions): JobWorker => {
  const owner = randomUUID();
  const now = options.now ?? (() => new Date());
  const pollMs = options.pollMs ?? 1000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const runOne = async (env: JobEnv, job: Job): Promise<void> => {
    const { store } = env;
    try {
      const result = await run(env, job, options);
      if (result.status === "retry") {
        const delay = retryDelayMs(Math.max(job.attempts, 1), Math.random, options.retryBaseMs);
        await store.retryJob(job.id, owner, new Date(now().getTime() + delay).toISOString(), result.error);
        await logOf(env, job, "retry", result.error, result.details);
        return;
      }
      await store.completeJob(job.id, owner);
      await logOf(env, job, result.status, result.message, result.details);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof JobFailure || job.attempts >= MAX_ATTEMPTS) {
        await store.completeJob(job.id, owner);
        await logOf(env, job, "failed", message);
        return;
      }
      options.logger.warn({ err: error, jobId: job.id, kind: job.kind }, "job failed; it will be retried");
      const delay = retryDelayMs(Math.max(job.attempts, 1), Math.random, options.retryBaseMs);
      await store.retryJob(job.id, owner, new Date(now().getTime() + delay).toISOString(), message);
      await logOf(env, job, "retry", message);
    }
  };

  const tenantTick = async (store: TenantStore): Promise<number> => {
    const metadata = await options.cache.current(store);
    if (metadata === undefined) return 0;
    const at = now();
    const jobs = await store.claimJobs({
      now: at.toISOString(),
      leaseUntil: new Date(at.getTime() + (options.leaseMs ?? 300_000)).toISOString(),
      owner,
      limit: BATCH,
    });
    const env: JobEnv = { store, metadata, now, smtpEnabled: options.smtp !== undefined };
    for (const job of jobs) await runOne(env, job);
    return jobs.length;
  };

  const tick = async (): Promise<void> => {
    let busy = false;
    for (const tenant of await options.store.listTenants()) {
      if (stopped) return;
      try {
        busy = (await tenantTick(await options.store.tenant(tenant))) === BATCH || busy;
      } catch (error) {
        options.logger.error({ err: error, tenant }, "job worker tick failed");
      }
    }
    if (busy) again = true;
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      running = tick().finally(() => {
        running = undefined;
        const soon = again;
        again = false;
        schedule(soon ? 0 : pollMs);
      });
    }, delay);
    timer.unref();
  };

  schedule(0);
  return {
    nudge: () => {
      if (stopped) return;
      if (running !== undefined) again = true;
      else schedule(0);
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
};
