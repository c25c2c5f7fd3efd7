import type { JsonObject } from "@tessera/metadata";
import { expect } from "vitest";
import type {
  AutomationLogEntry,
  Job,
  NewJob,
  Notification,
  OutboxEmail,
  WorkItem,
} from "../../../../engine/src/store/work-types.js";

/** Instants of a test day, by minute: `at(5)` is 10:05. */
export const at = (minute: number, second = 0, ms = 0): string =>
  `2025-01-01T10:${String(minute).padStart(2, "0")}:${String(second).padStart(2, "0")}.${String(ms).padStart(3, "0")}Z`;

/** A job of kind "test" due at `dueAt`, with `payload {n: 1}` unless `extra` says otherwise. */
export const aJob = (id: string, dueAt: string, extra: Partial<NewJob> = {}): NewJob => ({
  id,
  kind: "test",
  dueAt,
  payload: { n: 1 },
  ...extra,
});

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The job as listed after `enqueueJobs`: no attempt, no lease, no error; any createdAt instant. */
export const asEnqueued = (job: NewJob): Job => ({
  ...job,
  attempts: 0,
  createdAt: expect.stringMatching(ISO_INSTANT),
});

export const ids = (items: ReadonlyArray<{ id: string }>): string[] => items.map((item) => item.id);

export const aWorkItem = (
  object: string,
  recordId: string,
  userId: string,
  since: string,
  step = "manager",
): WorkItem => ({ object, recordId, userId, requestId: `req-${recordId}`, step, since });

export const aNotification = (
  id: string,
  userId: string,
  extra: Partial<Notification> = {},
): Notification => ({
  id,
  userId,
  at: at(0),
  title: `Title ${id}`,
  body: `Body ${id}`,
  ...extra,
});

export const anEmail = (id: string, extra: Partial<OutboxEmail> = {}): OutboxEmail => ({
  id,
  at: at(0),
  to: "ann@example.com",
  subject: `Subject ${id}`,
  html: `<p>${id}</p>`,
  text: id,
  status: "queued",
  attempts: 0,
  ...extra,
});

export const aLogEntry = (
  id: string,
  kind: AutomationLogEntry["kind"] = "automation",
  extra: Partial<AutomationLogEntry> = {},
): AutomationLogEntry => ({ id, at: at(0), kind, status: "ok", message: `Entry ${id}`, ...extra });

/** JSON whose keys MongoDB would refuse as field names: stored documents must keep them as data. */
export const ODD_KEYS: JsonObject = { "$set.x": { a: [1, null, "b"] }, "": true, nested: { "x.y": 2 } };
