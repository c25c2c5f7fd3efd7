import type { JsonObject } from "@tessera/metadata";
import type { RecordContext } from "../records/record-context.js";
import type { CompiledMetadata } from "../registry/compiled-metadata.js";
import { userContext } from "../security/user-context.js";
import { activeUserNamed } from "../security/user-directory.js";
import type { StoredRecord, TenantStore } from "../store/store-port.js";
import type { Job } from "../store/work-types.js";

/** What a job runs with: its tenant, the current metadata, a clock and the outbox configuration. */
export interface JobEnv {
  readonly store: TenantStore;
  readonly metadata: CompiledMetadata;
  readonly now: () => Date;
  /** Whether an SMTP server is configured (e-mails are queued for it, else held in the outbox). */
  readonly smtpEnabled: boolean;
}

/** A job could not do its work and should not be tried again; the message goes to the log. */
export class JobFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JobFailure";
  }
}

export const text = (payload: JsonObject, key: string): string | undefined => {
  const value = payload[key];
  return typeof value === "string" ? value : undefined;
};

/**
 * The user an action runs as: the automation's `runAs` (by username) when it names one, else the
 * user recorded in the job. Undefined when that user is gone or inactive.
 */
export const runAsContext = async (
  env: JobEnv,
  job: Job,
  depth?: number,
): Promise<RecordContext | undefined> => {
  const named = text(job.payload, "runAsUsername");
  const userId = named !== undefined ? await activeUserNamed(env.store, named) : text(job.payload, "runAs");
  if (userId === undefined) return undefined;
  const ctx = await userContext(env.store, env.metadata, userId, env.now);
  return ctx === undefined || depth === undefined ? ctx : { ...ctx, automationDepth: depth };
};

/**
 * The record as it was when the job's action fired: the snapshot the job carries, or the stored
 * record while it is still that same version (it then has the autoNumbers the store assigned in
 * the insert that created the job).
 */
export const snapshotRecord = async (env: JobEnv, payload: JsonObject): Promise<StoredRecord | undefined> => {
  const record = payload.record;
  if (typeof record !== "object" || record === null || Array.isArray(record)) return undefined;
  const snapshot = record as StoredRecord;
  const object = text(payload, "object");
  const stored = object === undefined ? undefined : await env.store.getRecord(object, snapshot.id);
  if (stored === undefined || stored.version !== snapshot.version) return snapshot;
  const current: StoredRecord = { ...stored };
  for (const key of Object.keys(current)) if (key.startsWith("_")) delete current[key];
  return current;
};
