import { NAME_REGEX } from "@tessera/metadata";
import type { Collection, Db, ObjectId } from "mongodb";
import type { ApiKey } from "../store-port.js";
import type { AutomationLogEntry, EmailStatus, Notification } from "../work-types.js";

/** The one state document: the current version pointer, the publish lock, unfinished drops. */
export interface StateDocument {
  _id: "current";
  /** 0 before the first publish. */
  version: number;
  lock?: { token: string; at: Date };
  /** Objects dropped by a committed publish whose storage may still exist. */
  pendingDrops: string[];
}

export interface DraftEntry {
  _id: { kind: string; name: string };
  kind: string;
  name: string;
  /** The metadata document as JSON text: metadata keys such as `$schema` are no concern of BSON's. */
  body: string;
  updatedAt: string;
  updatedBy: string;
}

export interface VersionEntry {
  _id: number;
  publishedAt: string;
  publishedBy: string;
}

/** One metadata document or change of a published version: versions are not bound by 16 MB. */
export interface VersionPart {
  _id?: ObjectId;
  version: number;
  part: "document" | "change";
  index: number;
  body: string;
}

export interface HistoryDocument {
  _id?: ObjectId;
  object: string;
  recordId: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  version: number;
  changedAt: string;
  changedBy: string;
  /** Place among the entries of the write that made them: newest first is version, then position, descending. */
  position: number;
}

export interface CounterDocument {
  _id: { object: string; field: string };
  /** The value of the first record. */
  start: number;
  /** How many values were handed out. */
  issued: number;
}

export interface CredentialDocument {
  _id: string;
  passwordHash: string;
}

export interface SessionDocument {
  _id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

/** One API key; `_id` is its id. The token is never stored, only `tokenHash` (unique). */
export type ApiKeyDocument = Omit<ApiKey, "id"> & { _id: string };

/** One audit event; `details` is kept as JSON text, so no key of it is ever a BSON concern. */
export interface AuditDocument {
  _id: string;
  at: string;
  type: string;
  actorId?: string;
  actorName?: string;
  ip?: string;
  target?: { object?: string; id?: string; name?: string };
  details?: string;
}

/** One job; `payload` is kept as JSON text. `key`, when present, is unique (a partial index). */
export interface JobDocument {
  _id: string;
  key?: string;
  kind: string;
  dueAt: string;
  payload: string;
  attempts: number;
  createdAt: string;
  lastError?: string;
  leasedUntil?: string;
  leaseOwner?: string;
}

/** One approval work item; (object, recordId, userId, step) is unique. */
export interface WorkItemDocument {
  _id?: ObjectId;
  object: string;
  recordId: string;
  userId: string;
  step: string;
  requestId: string;
  since: string;
}

/** One notification; `_id` is its id. Unread: `readAt` absent. */
export type NotificationDocument = Omit<Notification, "id"> & { _id: string };

/** One outbox e-mail; `source` is kept as JSON text. */
export interface EmailDocument {
  _id: string;
  at: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  status: EmailStatus;
  attempts: number;
  lastError?: string;
  sentAt?: string;
  source?: string;
}

/** One automation log entry; `details` is kept as JSON text. */
export type LogDocument = Omit<AutomationLogEntry, "id" | "details"> & { _id: string; details?: string };

/** One setting; `_id` is its key, `value` JSON text (a value may hold any key). */
export interface SettingDocument {
  _id: string;
  value: string;
}

/** One entry: unique by (collection, id); `body` is kept as JSON text (a body may hold any key). */
export interface EntryDocument {
  _id?: ObjectId;
  collection: string;
  id: string;
  revision: number;
  body: string;
  updatedAt: string;
}

/** The collections of one tenant's database. Records live in one collection per object. */
export interface TenantCollections {
  state: Collection<StateDocument>;
  drafts: Collection<DraftEntry>;
  versions: Collection<VersionEntry>;
  versionParts: Collection<VersionPart>;
  history: Collection<HistoryDocument>;
  counters: Collection<CounterDocument>;
  credentials: Collection<CredentialDocument>;
  sessions: Collection<SessionDocument>;
  apiKeys: Collection<ApiKeyDocument>;
  audit: Collection<AuditDocument>;
  jobs: Collection<JobDocument>;
  workItems: Collection<WorkItemDocument>;
  notifications: Collection<NotificationDocument>;
  emails: Collection<EmailDocument>;
  automationLog: Collection<LogDocument>;
  settings: Collection<SettingDocument>;
  entries: Collection<EntryDocument>;
}

/** Collections added with the engine's durable work (jobs, inbox, notifications, outbox, log, settings, entries). */
const WORK_COLLECTIONS = {
  jobs: "work.jobs",
  workItems: "work.approvalItems",
  notifications: "work.notifications",
  emails: "work.outboxEmails",
  automationLog: "work.automationLog",
  settings: "settings",
  entries: "work.entries",
} as const;

const FIXED_COLLECTIONS = {
  state: "metadata.state",
  drafts: "metadata.drafts",
  versions: "metadata.versions",
  versionParts: "metadata.versionParts",
  history: "history",
  counters: "counters",
  credentials: "auth.credentials",
  sessions: "auth.sessions",
  apiKeys: "auth.apiKeys",
  audit: "audit.events",
  ...WORK_COLLECTIONS,
} as const satisfies Record<keyof TenantCollections, string>;

/** Collection names of records start with this; no fixed collection does. */
export const RECORDS_PREFIX = "records.";

/** The collection of an object's records. Object names are metadata names (NAME_PATTERN). */
export const recordCollectionName = (object: string): string => {
  if (!NAME_REGEX.test(object)) throw new RangeError(`Not an object name: ${JSON.stringify(object)}`);
  return `${RECORDS_PREFIX}${object}`;
};

export const tenantCollections = (db: Db): TenantCollections => ({
  state: db.collection<StateDocument>(FIXED_COLLECTIONS.state),
  drafts: db.collection<DraftEntry>(FIXED_COLLECTIONS.drafts),
  versions: db.collection<VersionEntry>(FIXED_COLLECTIONS.versions),
  versionParts: db.collection<VersionPart>(FIXED_COLLECTIONS.versionParts),
  history: db.collection<HistoryDocument>(FIXED_COLLECTIONS.history),
  counters: db.collection<CounterDocument>(FIXED_COLLECTIONS.counters),
  credentials: db.collection<CredentialDocument>(FIXED_COLLECTIONS.credentials),
  sessions: db.collection<SessionDocument>(FIXED_COLLECTIONS.sessions),
  apiKeys: db.collection<ApiKeyDocument>(FIXED_COLLECTIONS.apiKeys),
  audit: db.collection<AuditDocument>(FIXED_COLLECTIONS.audit),
  jobs: db.collection<JobDocument>(FIXED_COLLECTIONS.jobs),
  workItems: db.collection<WorkItemDocument>(FIXED_COLLECTIONS.workItems),
  notifications: db.collection<NotificationDocument>(FIXED_COLLECTIONS.notifications),
  emails: db.collection<EmailDocument>(FIXED_COLLECTIONS.emails),
  automationLog: db.collection<LogDocument>(FIXED_COLLECTIONS.automationLog),
  settings: db.collection<SettingDocument>(FIXED_COLLECTIONS.settings),
  entries: db.collection<EntryDocument>(FIXED_COLLECTIONS.entries),
});

export const collectionExists = async (db: Db, name: string): Promise<boolean> =>
  (await db.listCollections({ name }, { nameOnly: true }).toArray()).length > 0;

/** Creates a collection; false when it already existed. */
export const createCollectionIfMissing = async (db: Db, name: string): Promise<boolean> => {
  if (await collectionExists(db, name)) return false;
  try {
    await db.createCollection(name);
    return true;
  } catch (error) {
    if (errorCode(error) === NAMESPACE_EXISTS) return false;
    throw error;
  }
};

const NAMESPACE_EXISTS = 48;

export const errorCode = (error: unknown): unknown =>
  typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;

/**
 * The audit log's indexes: newest first, overall and per type. Idempotent; also run when a tenant
 * created before the audit log is first used (see audit-events.ts).
 */
export const createAuditIndexes = async (collections: TenantCollections): Promise<void> => {
  await collections.audit.createIndex({ at: -1, _id: -1 }, { name: "auditTime" });
  await collections.audit.createIndex({ type: 1, at: -1, _id: -1 }, { name: "auditType" });
};

/**
 * The API keys' indexes: a token hash names one key (unique), a user's keys list in creation order.
 * Idempotent; also run when a tenant created before API keys is first used (see api-keys.ts).
 */
export const createApiKeyIndexes = async (collections: TenantCollections): Promise<void> => {
  await collections.apiKeys.createIndex({ tokenHash: 1 }, { name: "apiKeyToken", unique: true });
  await collections.apiKeys.createIndex({ userId: 1, createdAt: 1, _id: 1 }, { name: "apiKeyUser" });
};

/**
 * The work collections and their indexes: a job key names at most one job (partial: keyless jobs
 * never collide); claims and lists scan jobs by due time; a record's work items are found by its
 * key, a user's oldest first; notifications, e-mails and log entries list newest first by id; an
 * entry is unique by (collection, id), which also serves its collection's lists in id order.
 * Idempotent; also run when a tenant created before them is first used (see work-collections.ts),
 * creating the collections first, because transactions on older servers cannot create them.
 */
export const prepareWorkCollections = async (db: Db): Promise<void> => {
  for (const name of Object.values(WORK_COLLECTIONS)) await createCollectionIfMissing(db, name);
  const { jobs, workItems, notifications, emails, automationLog, entries } = tenantCollections(db);
  await jobs.createIndex(
    { key: 1 },
    { name: "jobKey", unique: true, partialFilterExpression: { key: { $exists: true } } },
  );
  await jobs.createIndex({ dueAt: 1, _id: 1 }, { name: "jobDue" });
  await jobs.createIndex({ kind: 1, dueAt: 1, _id: 1 }, { name: "jobKind" });
  await workItems.createIndex(
    { object: 1, recordId: 1, userId: 1, step: 1 },
    { name: "workItemKey", unique: true },
  );
  await workItems.createIndex(
    { userId: 1, since: 1, object: 1, recordId: 1, step: 1 },
    { name: "workItemUser" },
  );
  await notifications.createIndex({ userId: 1, _id: -1 }, { name: "notificationUser" });
  await notifications.createIndex({ userId: 1, readAt: 1, _id: -1 }, { name: "notificationUnread" });
  await emails.createIndex({ status: 1, _id: -1 }, { name: "emailStatus" });
  await automationLog.createIndex({ kind: 1, _id: -1 }, { name: "logKind" });
  await entries.createIndex({ collection: 1, id: 1 }, { name: "entryKey", unique: true });
};

/**
 * Creates the fixed collections, their indexes and the state document. Idempotent: creating a
 * tenant that a crash left half-made finishes it, and never resets an existing one. Collections
 * are created up front because transactions on older servers cannot create them.
 */
export const prepareTenantDatabase = async (db: Db): Promise<void> => {
  for (const name of Object.values(FIXED_COLLECTIONS)) await createCollectionIfMissing(db, name);
  const collections = tenantCollections(db);
  await collections.versionParts.createIndex(
    { version: 1, part: 1, index: 1 },
    { name: "versionPart", unique: true },
  );
  await collections.history.createIndex(
    { object: 1, recordId: 1, version: -1, position: -1 },
    { name: "recordHistory" },
  );
  await collections.sessions.createIndex({ userId: 1 }, { name: "sessionUser" });
  await createAuditIndexes(collections);
  await createApiKeyIndexes(collections);
  await prepareWorkCollections(db);
  await collections.state.updateOne(
    { _id: "current" },
    { $setOnInsert: { version: 0, pendingDrops: [] } },
    { upsert: true },
  );
};
