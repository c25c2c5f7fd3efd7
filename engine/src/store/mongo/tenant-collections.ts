import { NAME_REGEX } from "@tessera/metadata";
import type { Collection, Db, ObjectId } from "mongodb";
import type { ApiKey } from "../store-port.js";

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
}

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
  await collections.state.updateOne(
    { _id: "current" },
    { $setOnInsert: { version: 0, pendingDrops: [] } },
    { upsert: true },
  );
};
