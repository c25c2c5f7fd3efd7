import type { JsonObject, JsonValue } from "@tessera/metadata";

/**
 * Work the engine does later, kept in the tenant's store so it survives restarts: a scheduled
 * automation, an SLA timer, a webhook delivery, an e-mail delivery, a notification fan-out.
 */
export interface NewJob {
  /** A ULID, unique per tenant; webhooks send it as their event id. */
  id: string;
  /**
   * Unique per tenant when present: adding a job whose key exists replaces that job (its id, kind,
   * due time and payload; a lease on it is dropped), so "the timer of record X" exists once.
   */
  key?: string;
  /** What runs it, e.g. `webhook`, `automation.scheduled`. */
  kind: string;
  /** ISO 8601 UTC with milliseconds; the job is due from this instant on. */
  dueAt: string;
  payload: JsonObject;
}

export interface Job extends NewJob {
  /** How many times it was claimed (0 before the first claim). */
  attempts: number;
  /** When the store added it (a replacement by key is a new job, with a new instant). */
  createdAt: string;
  lastError?: string;
  /** While a worker holds it: until when, and which worker. */
  leasedUntil?: string;
  leaseOwner?: string;
}

export interface ClaimJobs {
  /** Claims jobs due at `now` that are not leased, or whose lease ended before `now`. */
  now: string;
  /** The lease ends at this instant; another worker may claim the job again afterwards. */
  leaseUntil: string;
  owner: string;
  limit: number;
}

/**
 * One pending approval decision: `userId` is a current approver of the record's request at
 * `step`. The approvals inbox reads these; they are written with the record's approval state.
 */
export interface WorkItem {
  object: string;
  recordId: string;
  userId: string;
  requestId: string;
  step: string;
  /** When the step started waiting for this user. */
  since: string;
}

/**
 * What a record write also does, in the same atomic write: nothing of it happens if the write
 * does not. Applied after the record write, in this order: completeJob, cancelJobs, jobs,
 * workItems (so cancelling a key and adding a job with it leaves the new job).
 */
export interface WriteEffects {
  jobs?: readonly NewJob[];
  /** Removes the jobs with these keys (absent keys are ignored). */
  cancelJobs?: readonly string[];
  /** Removes this job: the write is its work (a scheduled automation's update). */
  completeJob?: string;
  /**
   * Replaces every work item of the written record (an empty list removes them). Every item must
   * name the written record (RangeError otherwise, before anything is written); deleteRecords,
   * which removes the work items of its targets anyway, takes none. Of items for the same user
   * and step, the last counts.
   */
  workItems?: readonly WorkItem[];
}

/** An in-app notification of one user. */
export interface Notification {
  /** A ULID; adding a notification whose id exists is a no-op (retries do not duplicate). */
  id: string;
  userId: string;
  at: string;
  title: string;
  body: string;
  /** The record it is about, when any. */
  object?: string;
  recordId?: string;
  readAt?: string;
}

export interface NotificationQuery {
  limit: number;
  /** Cursor: only notifications older than the one with this id. */
  before?: string;
  unreadOnly?: boolean;
}

export type EmailStatus = "held" | "queued" | "sent" | "failed";

/**
 * One e-mail in the outbox. `held`: kept because no SMTP server is configured; `queued`: waiting
 * for (another) delivery attempt; `sent`, `failed`: final.
 */
export interface OutboxEmail {
  /** A ULID; adding an e-mail whose id exists is a no-op. */
  id: string;
  at: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  status: EmailStatus;
  attempts: number;
  lastError?: string;
  sentAt?: string;
  /** What produced it, e.g. `{automation, object, recordId}`. */
  source?: JsonObject;
}

export interface EmailQuery {
  limit: number;
  before?: string;
  status?: EmailStatus;
}

export type LogStatus = "ok" | "skipped" | "retry" | "failed";

/** One entry of the tenant's automation log: what automations, approvals and deliveries did. */
export interface AutomationLogEntry {
  /** A ULID: later entries sort after earlier ones. */
  id: string;
  at: string;
  kind: "automation" | "approval" | "webhook" | "email" | "notification";
  /** The automation, approval process or template concerned. */
  name?: string;
  object?: string;
  recordId?: string;
  status: LogStatus;
  message: string;
  details?: JsonObject;
}

export interface LogQuery {
  limit: number;
  before?: string;
  kind?: AutomationLogEntry["kind"];
}

/** Tenant settings an administrator manages (webhook allow-list, signing secret, ...). */
export type SettingValue = JsonValue;
