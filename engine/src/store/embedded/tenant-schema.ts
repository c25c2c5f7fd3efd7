import type Database from "better-sqlite3";

/**
 * The fixed tables of a tenant, as layout 1. Record tables (`r_<object>`) are created at publish
 * time. Fixed tables never start with `r_`, and record indexes always contain `:`, so neither can
 * collide with a name derived from metadata.
 */
const LAYOUT_1 = `
CREATE TABLE drafts (
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  document BLOB NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (kind, name)
);
CREATE TABLE versions (
  version INTEGER PRIMARY KEY,
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL,
  documents BLOB NOT NULL,
  changes BLOB NOT NULL
);
CREATE TABLE current_version (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  version INTEGER NOT NULL REFERENCES versions (version)
);
CREATE TABLE history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  object TEXT NOT NULL,
  record_id TEXT NOT NULL,
  field TEXT NOT NULL,
  old_value TEXT NOT NULL,
  new_value TEXT NOT NULL,
  version INTEGER NOT NULL,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL
);
CREATE INDEX history_of_record ON history (object, record_id, seq);
CREATE TABLE counters (
  object TEXT NOT NULL,
  field TEXT NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (object, field)
);
CREATE TABLE password_hashes (
  user_id TEXT PRIMARY KEY,
  hash TEXT NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_of_user ON sessions (user_id);
`;

/** Layout 2: the audit log. `body` is the whole event as JSON; the columns are what queries use. */
const LAYOUT_2 = `
CREATE TABLE audit_events (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  type TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX audit_by_time ON audit_events (at, id);
CREATE INDEX audit_by_type ON audit_events (type, at, id);
`;

/** Layout 3: API keys, found by the hash of their token; the token itself is never stored. */
const LAYOUT_3 = `
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  user_id TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  expires_at TEXT,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX api_keys_of_user ON api_keys (user_id, created_at, id);
`;

/**
 * Layout 4: the engine's durable work. Jobs (a key names at most one job; claims scan by due
 * time), approval work items (by record, and per user oldest first), notifications (per user,
 * newest first by id; unread ones indexed apart), the e-mail outbox, the automation log and
 * settings. JSON members are TEXT, as in the audit log; columns are what queries use.
 */
const LAYOUT_4 = `
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  job_key TEXT UNIQUE,
  kind TEXT NOT NULL,
  due_at TEXT NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  last_error TEXT,
  leased_until TEXT,
  lease_owner TEXT
);
CREATE INDEX jobs_by_due ON jobs (due_at, id);
CREATE INDEX jobs_by_kind ON jobs (kind, due_at, id);
CREATE TABLE work_items (
  object TEXT NOT NULL,
  record_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  step TEXT NOT NULL,
  request_id TEXT NOT NULL,
  since TEXT NOT NULL,
  PRIMARY KEY (object, record_id, user_id, step)
);
CREATE INDEX work_items_of_user ON work_items (user_id, since, object, record_id, step);
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  read_at TEXT,
  body TEXT NOT NULL
);
CREATE INDEX notifications_of_user ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (user_id, id) WHERE read_at IS NULL;
CREATE TABLE outbox_emails (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  last_error TEXT,
  sent_at TEXT,
  message TEXT NOT NULL
);
CREATE INDEX outbox_emails_by_status ON outbox_emails (status, id);
CREATE TABLE automation_log (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX automation_log_by_kind ON automation_log (kind, id);
CREATE TABLE settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

/**
 * Layout 5: entries, small JSON documents of engine features by collection and id (imports, merge
 * log, saved mappings, layouts). Lists read one collection's ids in order, by the primary key. A
 * rowid table: bodies (an import's preview rows) are too large for WITHOUT ROWID to pay.
 */
const LAYOUT_5 = `
CREATE TABLE entries (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (collection, id)
);
`;

/**
 * Layout changes in order: a database at layout n (PRAGMA user_version) gets every step after
 * the n-th, so an existing tenant is brought up to date when it is opened. Steps are append-only.
 */
const LAYOUT_STEPS = [LAYOUT_1, LAYOUT_2, LAYOUT_3, LAYOUT_4, LAYOUT_5];

/** The layout of a tenant database this code reads and writes. */
export const TENANT_SCHEMA_VERSION = LAYOUT_STEPS.length;

/** The table of one object's records: system fields as columns, field values as JSONB. */
export const recordTableSql = (quotedTable: string): string =>
  `CREATE TABLE IF NOT EXISTS ${quotedTable} (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  owner_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  data BLOB NOT NULL
)`;

/**
 * Creates the fixed tables of a new tenant database, or brings an older one up to date, in one
 * transaction; refuses a layout newer than this code.
 */
export const migrateTenantSchema = (db: Database.Database): void => {
  db.transaction(() => {
    const version = db.pragma("user_version", { simple: true });
    if (version === TENANT_SCHEMA_VERSION) return;
    if (
      typeof version !== "number" ||
      !Number.isInteger(version) ||
      version < 0 ||
      version > TENANT_SCHEMA_VERSION
    )
      throw new Error(`Tenant database layout ${String(version)} is not supported`);
    for (const step of LAYOUT_STEPS.slice(version)) db.exec(step);
    db.pragma(`user_version = ${TENANT_SCHEMA_VERSION}`);
  }).immediate();
};
