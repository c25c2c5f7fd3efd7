import type { DateBucket, FilterNode, JsonObject, JsonValue } from "@tessera/metadata";
import type {
  AutomationLogEntry,
  ClaimJobs,
  EmailQuery,
  Job,
  LogQuery,
  NewJob,
  Notification,
  NotificationQuery,
  OutboxEmail,
  SettingValue,
  WorkItem,
  WriteEffects,
} from "./work-types.js";

/**
 * The store port. `Store` is the platform's view (tenants); every data operation goes through a
 * `TenantStore`, which is bound to one tenant when it is created, so no call can name another
 * tenant's data. Two adapters implement it: `embedded/` (SQLite, the default) and `mongo/`.
 * Both pass tests/engine/store/store-conformance.ts.
 */
export interface Store {
  readonly kind: "embedded" | "mongo";
  listTenants(): Promise<string[]>;
  hasTenant(tenant: string): Promise<boolean>;
  /** Creates the tenant's storage. Throws `StoreError` code `tenantExists` if it exists. */
  createTenant(tenant: string): Promise<void>;
  /** The tenant's store. Throws `StoreError` code `unknownTenant` if it does not exist. */
  tenant(tenant: string): Promise<TenantStore>;
  /** Flushes and closes everything; the store is unusable afterwards. */
  close(): Promise<void>;
}

/** The fields every stored record has, whatever its object. */
export interface RecordSystemFields {
  id: string;
  /** Starts at 1; every successful update increments it by exactly 1. */
  version: number;
  ownerId: string;
  /** ISO 8601 UTC with milliseconds (`Date#toISOString`). */
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/**
 * A record as stored: system fields plus field values by field name. Absent means no value: the
 * engine never stores null. Keys starting with `_` are engine-internal (e.g. `_approval`).
 */
export type StoredRecord = RecordSystemFields & { [field: string]: JsonValue };

/** One change of one field, kept in the record's history. */
export interface HistoryEntry {
  object: string;
  recordId: string;
  field: string;
  /** null when the field had no value. */
  oldValue: JsonValue;
  newValue: JsonValue;
  /** The record version this change produced. */
  version: number;
  changedAt: string;
  changedBy: string;
}

export interface SortKey {
  field: string;
  direction: "asc" | "desc";
}

/**
 * A list query. Semantics are those of `evaluateFilter` from @tessera/metadata; values absent from
 * a record sort before every present value in ascending order (after them in descending order).
 */
export interface RecordQuery {
  filter?: FilterNode;
  /** Case-insensitive substring match of `text` in any of `fields` (text-valued fields only). */
  search?: { text: string; fields: readonly string[] };
  /** Most significant first. The adapter appends `id` ascending as the final tie-breaker. */
  sort: readonly SortKey[];
  limit: number;
  /**
   * Keyset cursor: the values of the sort keys (then `id`) of the last record of the previous page;
   * `null` for a sort key the record has no value for. Results start strictly after it, so pages
   * are stable under concurrent inserts.
   */
  after?: readonly JsonValue[];
  /** Fields to return besides the system fields; all when absent. */
  fields?: readonly string[];
}

export interface RecordPage {
  records: StoredRecord[];
  /** True when at least one more record matches after the last one returned. */
  hasMore: boolean;
}

/** An autoNumber field to fill on insert, inside the same atomic write (gap-free per tenant and object). */
export interface AutoNumberAssignment {
  field: string;
  /** Counter value of the first record, when the counter does not exist yet. */
  startAt: number;
  /** Renders the counter value (e.g. 42 -> "INV-0042"). */
  render: (counter: number) => string;
}

/** How an index is laid out; derived from metadata by the engine (see store/index-plan.ts). */
export interface IndexSpec {
  /** Stable name derived from the fields, unique per object. */
  name: string;
  keys: readonly SortKey[];
  unique: boolean;
}

export type SummaryOperation = "count" | "sum" | "min" | "max" | "avg";

/**
 * A grouped summary of the records matching `filter` (a report). Measures have `summarize`'s
 * semantics per group; see `AggregateRow` for keys and order.
 */
export interface AggregateQuery {
  filter?: FilterNode;
  /**
   * 0..2 keys. A key with `bucket` groups by `dateBucketKey(value, bucket)` of a date or datetime
   * string (null for any other value). A field holding arrays or objects (multiPicklist) is not a
   * grouping key: the call throws a RangeError when a matching record has one there.
   */
  groupBy: ReadonlyArray<{ field: string; bucket?: DateBucket }>;
  /**
   * `count` without a field counts records; with a field, the records having a value (not absent,
   * not null). sum and avg take numbers only (never booleans or numeric strings) and are null when
   * the group has none. min and max take numbers and strings (dates, datetimes: compared as text),
   * numbers ordering before strings; null when the group has neither.
   */
  measures: ReadonlyArray<{ operation: SummaryOperation; field?: string }>;
  /** At most this many groups are returned, the first in key order (a non-negative integer). */
  limit: number;
}

export interface AggregateRow {
  /**
   * One per groupBy key: the stored value (a string, number or boolean) or its bucket key; null when
   * the record has none. Rows are ordered by keys, first key first, each ascending: null first,
   * then numbers, strings (by code point), false, true.
   */
  keys: JsonValue[];
  /** One per measure; a string only for min/max over strings. */
  values: Array<number | string | null>;
}

/** A small JSON document of an engine feature (imports, merge log, duplicate jobs, saved mappings, layouts). */
export interface Entry {
  collection: string;
  id: string;
  /** 1 when written first; every write increments it by exactly 1. */
  revision: number;
  body: JsonObject;
  /** ISO 8601 UTC with milliseconds. */
  updatedAt: string;
}

export interface EntryQuery {
  /** At most this many entries (a non-negative integer). */
  limit: number;
  /** Only entries whose id starts with this. */
  prefix?: string;
  /** Cursor: only entries strictly after this id in the chosen order. */
  after?: string;
  /** By id; "desc" (the default) lists ULID ids newest first. */
  order?: "asc" | "desc";
}

/** One published metadata version, immutable once written. */
export interface PublishedVersion {
  version: number;
  publishedAt: string;
  publishedBy: string;
  documents: JsonObject[];
  /** The change set against the previous version, as computed by the registry. */
  changes: JsonObject[];
}

export interface DraftDocument {
  kind: string;
  name: string;
  document: JsonObject;
  updatedAt: string;
  updatedBy: string;
}

export interface Session {
  /** SHA-256 of the bearer token; the token itself is never stored. */
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

/**
 * An API key of an integration: it acts as one user, with exactly that user's access. The token is
 * shown once when the key is made; only its SHA-256 is stored.
 */
export interface ApiKey {
  /** Unique per tenant. */
  id: string;
  /** What the key is for, as its administrator named it. */
  name: string;
  /** The user the key acts as. */
  userId: string;
  /** SHA-256 of the token (hex); unique per tenant. */
  tokenHash: string;
  /** The token's first characters, to tell keys apart; never enough to use it. */
  prefix: string;
  /** ISO 8601 UTC with milliseconds. */
  createdAt: string;
  /** The administrator who made it. */
  createdBy: string;
  /** The key stops working at this instant; absent: it does not expire. */
  expiresAt?: string;
  lastUsedAt?: string;
  /** Set once, when the key is revoked; a revoked key never works again. */
  revokedAt?: string;
}

/**
 * One security event of a tenant (a sign-in, a permission or sharing change, a user change), kept
 * for its administrators. Never holds a secret: no password, token or hash.
 */
export interface AuditEvent {
  /** Unique per tenant; ids of later events sort after earlier ones (a ULID). */
  id: string;
  /** ISO 8601 UTC with milliseconds. */
  at: string;
  /** What happened, e.g. `login.failed`, `user.created`, `metadata.published`. */
  type: string;
  /** The user who acted; absent when nobody was signed in. */
  actorId?: string;
  /** Their username, or the username someone tried to sign in with. */
  actorName?: string;
  ip?: string;
  /** What the event is about, e.g. `{object: "user", id, name}`. */
  target?: { object?: string; id?: string; name?: string };
  details?: JsonObject;
}

export const DEFAULT_AUDIT_LIMIT = 50;

export interface AuditQuery {
  /** At most this many events (default DEFAULT_AUDIT_LIMIT); a non-negative integer. */
  limit?: number;
  /** Cursor: only events older than the event with this id; none when no event has it. */
  before?: string;
  /** Only events of this type. */
  type?: string;
}

/**
 * Everything of one tenant. Methods are atomic unless stated otherwise; a method that throws has
 * changed nothing.
 */
export interface TenantStore {
  readonly tenant: string;

  // --- metadata ---------------------------------------------------------------------------------
  listDraft(): Promise<DraftDocument[]>;
  putDraft(doc: DraftDocument): Promise<void>;
  /** Resolves false when there was no such draft document. */
  deleteDraft(kind: string, name: string): Promise<boolean>;
  /** The active published version, if any. */
  currentVersion(): Promise<PublishedVersion | undefined>;
  /**
   * The number of the active version (0 for none): one cheap read, made on every request so a
   * publish on any app server is live on all of them at the next request.
   */
  currentVersionNumber(): Promise<number>;
  readVersion(version: number): Promise<PublishedVersion | undefined>;
  /** Summaries of every published version, newest first (documents and changes left out). */
  listVersions(): Promise<Array<Omit<PublishedVersion, "documents" | "changes">>>;
  /**
   * Activates `next` atomically: stores it, makes it current, creates the storage of new objects
   * and applies index changes. Conditioned on the current version still being `expectedCurrent`
   * (0 for none); resolves false, changing nothing, when another publish won.
   * Throws `StoreError` code `uniqueViolation` (with `field`) when a new unique index cannot be
   * built over existing data.
   */
  publish(next: PublishedVersion, expectedCurrent: number, schema: StorageSchema): Promise<boolean>;

  // --- records ----------------------------------------------------------------------------------
  /**
   * Inserts a new record (version 1), assigning `autoNumbers` and appending `history`, all in one
   * atomic write. Throws `StoreError` code `uniqueViolation` (with `field`) when a unique field
   * value is taken, and `duplicateId` when the id exists.
   */
  insertRecord(
    object: string,
    record: StoredRecord,
    options?: {
      autoNumbers?: readonly AutoNumberAssignment[];
      history?: readonly HistoryEntry[];
      effects?: WriteEffects;
    },
  ): Promise<StoredRecord>;
  /**
   * Inserts many new records (version 1) in one atomic write: all or none. For bulk loads (imports,
   * seeding, benchmarks); records carry their final values (no autoNumber assignment).
   * Throws `StoreError` code `uniqueViolation` or `duplicateId` as insertRecord does.
   */
  insertRecords(
    object: string,
    records: readonly StoredRecord[],
    history?: readonly HistoryEntry[],
  ): Promise<void>;
  getRecord(object: string, id: string): Promise<StoredRecord | undefined>;
  getRecords(object: string, ids: readonly string[]): Promise<StoredRecord[]>;
  /**
   * Replaces a record whose stored version is `expectedVersion` with `record` (whose version must
   * be expectedVersion + 1), appending `history` and applying `effects` in the same atomic write.
   * Resolves false, changing nothing, when the stored version differs or the record is gone.
   * Throws `StoreError` code `uniqueViolation` as insertRecord does.
   */
  updateRecord(
    object: string,
    record: StoredRecord,
    expectedVersion: number,
    history?: readonly HistoryEntry[],
    effects?: WriteEffects,
  ): Promise<boolean>;
  /**
   * Deletes every target in one atomic write (a master and its details). A target with
   * `expectedVersion` is only deleted at that version; if any such condition fails, nothing is
   * deleted and the call resolves false. History of deleted records is kept; their work items are
   * removed. `effects` apply in the same atomic write.
   */
  deleteRecords(
    targets: ReadonlyArray<{ object: string; id: string; expectedVersion?: number }>,
    effects?: WriteEffects,
  ): Promise<boolean>;
  findRecords(object: string, query: RecordQuery): Promise<RecordPage>;
  countRecords(object: string, filter?: FilterNode): Promise<number>;
  /** count/sum/min/max/avg of `field` over matching records; null when nothing matches (0 for count). */
  summarize(
    object: string,
    operation: SummaryOperation,
    field: string | undefined,
    filter?: FilterNode,
  ): Promise<number | null>;
  /** Grouped measures over the records matching the query's filter, in key order; see AggregateQuery. */
  aggregate(object: string, query: AggregateQuery): Promise<AggregateRow[]>;
  /** Field history of one record, newest first. */
  history(object: string, recordId: string, options?: { limit?: number }): Promise<HistoryEntry[]>;

  // --- credentials and sessions (passwords never live in records) ---------------------------------
  getPasswordHash(userId: string): Promise<string | undefined>;
  setPasswordHash(userId: string, hash: string): Promise<void>;
  createSession(session: Session): Promise<void>;
  getSession(tokenHash: string): Promise<Session | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessionsOf(userId: string): Promise<void>;

  // --- API keys (only the token's hash is stored) --------------------------------------------------
  /** Stores a new key. Throws `StoreError` code `duplicateId` when its id or token hash is taken. */
  createApiKey(key: ApiKey): Promise<void>;
  /** The key with this token hash, revoked or expired or not: that is the caller's decision. */
  getApiKeyByHash(tokenHash: string): Promise<ApiKey | undefined>;
  /** Keys of `userId` (every key when absent), oldest first: by `createdAt`, then `id`. */
  listApiKeys(userId?: string): Promise<ApiKey[]>;
  /**
   * Revokes a key at `revokedAt`. Resolves true when it did; false, changing nothing, when there
   * is no such key or it was revoked already (its first `revokedAt` stays).
   */
  revokeApiKey(id: string, revokedAt: string): Promise<boolean>;
  /** Notes when a key was last used; nothing happens when there is no such key. */
  markApiKeyUsed(id: string, at: string): Promise<void>;

  // --- audit log (append-only) --------------------------------------------------------------------
  /** Appends one event. Throws `StoreError` code `duplicateId` when an event has its id. */
  appendAudit(event: AuditEvent): Promise<void>;
  /** Events newest first: by `at` descending, then `id` descending. */
  listAudit(options: AuditQuery): Promise<AuditEvent[]>;

  // --- jobs: durable scheduled work and outbox ------------------------------------------------------
  /**
   * Adds jobs in one atomic write (a job with a key replaces the job holding that key). Throws
   * `StoreError` code `duplicateId` when a job's id is held by a job it does not replace.
   */
  enqueueJobs(jobs: readonly NewJob[], options?: { completeJob?: string }): Promise<void>;
  /** Removes the jobs with these keys. */
  cancelJobs(keys: readonly string[]): Promise<void>;
  /**
   * Leases up to `limit` due jobs to `owner` atomically (earliest `dueAt` first, then `id`),
   * incrementing their attempts; two workers never claim the same job while its lease lasts.
   */
  claimJobs(claim: ClaimJobs): Promise<Job[]>;
  /** Removes a job `owner` holds. Resolves false, changing nothing, when it does not hold it. */
  completeJob(id: string, owner: string): Promise<boolean>;
  /**
   * Releases a job `owner` holds and makes it due again at `dueAt`, noting `error`. Resolves false,
   * changing nothing, when it does not hold it.
   */
  retryJob(id: string, owner: string, dueAt: string, error: string): Promise<boolean>;
  /** Jobs by due time (earliest first), optionally of one kind. */
  listJobs(options: { kind?: string; limit: number }): Promise<Job[]>;

  // --- approvals inbox -------------------------------------------------------------------------------
  /** Work items of one user, oldest first (by `since`, then object, record id and step). */
  listWorkItems(userId: string, options: { limit: number }): Promise<WorkItem[]>;
  /** Work items of one record (every approver of its pending request), by `since`, user and step. */
  workItemsOf(object: string, recordId: string): Promise<WorkItem[]>;

  // --- notifications, e-mail outbox, automation log, settings ---------------------------------------
  /** Adds notifications; one whose id exists is skipped. */
  addNotifications(notifications: readonly Notification[]): Promise<void>;
  /** One user's notifications, newest first (by id, descending). */
  listNotifications(userId: string, query: NotificationQuery): Promise<Notification[]>;
  countUnreadNotifications(userId: string): Promise<number>;
  /** Marks unread notifications of `userId` read at `at` (`ids` absent: all); resolves how many. */
  markNotificationsRead(userId: string, at: string, ids?: readonly string[]): Promise<number>;
  /** Adds e-mails to the outbox; one whose id exists is skipped. */
  addEmails(emails: readonly OutboxEmail[]): Promise<void>;
  getEmail(id: string): Promise<OutboxEmail | undefined>;
  /** Newest first (by id, descending). */
  listEmails(query: EmailQuery): Promise<OutboxEmail[]>;
  /** Replaces the delivery state of an e-mail; resolves false when there is no such e-mail. */
  updateEmail(
    id: string,
    state: Pick<OutboxEmail, "status" | "attempts"> & { lastError?: string; sentAt?: string },
  ): Promise<boolean>;
  /** Appends one entry; one whose id exists is skipped (a retried job does not log twice). */
  appendLog(entry: AutomationLogEntry): Promise<void>;
  /** Newest first (by id, descending). */
  listLog(query: LogQuery): Promise<AutomationLogEntry[]>;
  getSetting(key: string): Promise<SettingValue | undefined>;
  putSetting(key: string, value: SettingValue): Promise<void>;

  // --- entries: small JSON documents of engine features, by collection and id ------------------------
  getEntry(collection: string, id: string): Promise<Entry | undefined>;
  /**
   * Writes `body` with revision = previous + 1 (1 when new) and `updatedAt` = `at` (default now).
   * With `ifRevision` (0: must not exist) resolves false, changing nothing, when the stored revision
   * differs; else true.
   */
  putEntry(
    collection: string,
    id: string,
    body: JsonObject,
    options?: { ifRevision?: number; at?: string },
  ): Promise<boolean>;
  /** Resolves false when there was no such entry. */
  deleteEntry(collection: string, id: string): Promise<boolean>;
  /** Entries of a collection by id, descending unless `order` is "asc"; see EntryQuery. */
  listEntries(collection: string, query: EntryQuery): Promise<Entry[]>;
  /** Removes every entry of the collection whose id starts with `prefix` ("" : all); resolves how many. */
  deleteEntries(collection: string, prefix: string): Promise<number>;
}

/** What storage the published metadata needs: per object, its indexes and text-searchable fields. */
export interface StorageSchema {
  objects: ReadonlyArray<{ name: string; indexes: readonly IndexSpec[] }>;
  /** Objects whose storage (records and history) is dropped by this publish (forced removals). */
  dropped: readonly string[];
  /**
   * Removed fields whose history is deleted by this publish, so a field later created under the
   * same name does not show the old field's values (its stored values are cleared by migration).
   */
  droppedFields?: ReadonlyArray<{ object: string; field: string }>;
}

export type StoreErrorCode =
  | "tenantExists"
  | "unknownTenant"
  | "uniqueViolation"
  | "duplicateId"
  | "unknownObject";

/** A failure the store reports to the engine; the engine maps it to an HTTP answer. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}
