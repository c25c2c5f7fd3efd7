import type { JsonObject } from "@tessera/metadata";
import Database from "better-sqlite3";
import { checkedLimit } from "../list-limit.js";
import { StoreError } from "../store-port.js";
import type { ClaimJobs, Job, NewJob } from "../work-types.js";
import type { TenantDatabase } from "./tenant-database.js";

interface JobRow {
  id: string;
  job_key: string | null;
  kind: string;
  due_at: string;
  payload: string;
  attempts: number;
  created_at: string;
  last_error: string | null;
  leased_until: string | null;
  lease_owner: string | null;
}

const COLUMNS =
  "id, job_key, kind, due_at, payload, attempts, created_at, last_error, leased_until, lease_owner";

const jobOf = (row: JobRow): Job => ({
  id: row.id,
  ...(row.job_key !== null && { key: row.job_key }),
  kind: row.kind,
  dueAt: row.due_at,
  payload: JSON.parse(row.payload) as JsonObject,
  attempts: row.attempts,
  createdAt: row.created_at,
  ...(row.last_error !== null && { lastError: row.last_error }),
  ...(row.leased_until !== null && { leasedUntil: row.leased_until }),
  ...(row.lease_owner !== null && { leaseOwner: row.lease_owner }),
});

/** The order jobs are due in; `id` makes it total. */
const byDueTime = (a: Job, b: Job): number =>
  a.dueAt === b.dueAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.dueAt < b.dueAt ? -1 : 1;

/**
 * Adds jobs inside the caller's write. A keyed job first removes the job holding its key, so the
 * replacement starts afresh: no attempts, no lease, no error.
 */
export const enqueueJobsIn = (tdb: TenantDatabase, jobs: readonly NewJob[]): void => {
  const createdAt = new Date().toISOString();
  for (const job of jobs) {
    if (job.key !== undefined) tdb.statement("DELETE FROM jobs WHERE job_key = ?").run(job.key);
    try {
      tdb
        .statement(
          "INSERT INTO jobs (id, job_key, kind, due_at, payload, attempts, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)",
        )
        .run(job.id, job.key ?? null, job.kind, job.dueAt, JSON.stringify(job.payload), createdAt);
    } catch (error) {
      if (error instanceof Database.SqliteError && error.code === "SQLITE_CONSTRAINT_PRIMARYKEY")
        throw new StoreError("duplicateId", "A job with this id exists");
      throw error;
    }
  }
};

/** Removes the jobs holding `keys`, inside the caller's write. */
export const cancelJobsIn = (tdb: TenantDatabase, keys: readonly string[]): void => {
  if (keys.length === 0) return;
  // One statement whatever the number of keys: the list is bound as one JSON array.
  tdb
    .statement("DELETE FROM jobs WHERE job_key IN (SELECT value FROM json_each(?))")
    .run(JSON.stringify(keys));
};

/** Removes one job whatever its lease, inside the caller's write: the write was its work. */
export const removeJobIn = (tdb: TenantDatabase, id: string): void => {
  tdb.statement("DELETE FROM jobs WHERE id = ?").run(id);
};

export const enqueueJobs = (tdb: TenantDatabase, jobs: readonly NewJob[], completeJob?: string): void => {
  tdb.write(() => {
    if (completeJob !== undefined) removeJobIn(tdb, completeJob);
    enqueueJobsIn(tdb, jobs);
  });
};

export const cancelJobs = (tdb: TenantDatabase, keys: readonly string[]): void => {
  tdb.write(() => cancelJobsIn(tdb, keys));
};

// Selecting and leasing is one statement in one IMMEDIATE transaction: no other connection, in this
// process or another, can lease the same job in between.
const CLAIM = `UPDATE jobs SET attempts = attempts + 1, leased_until = ?, lease_owner = ?
WHERE id IN (
  SELECT id FROM jobs WHERE due_at <= ? AND (leased_until IS NULL OR leased_until < ?)
  ORDER BY due_at, id LIMIT ?
)
RETURNING ${COLUMNS}`;

export const claimJobs = (tdb: TenantDatabase, claim: ClaimJobs): Job[] => {
  const limit = checkedLimit(claim.limit, "Claim");
  if (limit === 0) return [];
  const rows = tdb.write(
    () => tdb.statement(CLAIM).all(claim.leaseUntil, claim.owner, claim.now, claim.now, limit) as JobRow[],
  );
  // RETURNING gives rows in no promised order.
  return rows.map(jobOf).sort(byDueTime);
};

export const completeJob = (tdb: TenantDatabase, id: string, owner: string): boolean =>
  tdb.statement("DELETE FROM jobs WHERE id = ? AND lease_owner = ?").run(id, owner).changes === 1;

export const retryJob = (
  tdb: TenantDatabase,
  id: string,
  owner: string,
  dueAt: string,
  error: string,
): boolean =>
  tdb
    .statement(
      `UPDATE jobs SET due_at = ?, last_error = ?, leased_until = NULL, lease_owner = NULL
WHERE id = ? AND lease_owner = ?`,
    )
    .run(dueAt, error, id, owner).changes === 1;

export const listJobs = (tdb: TenantDatabase, options: { kind?: string; limit: number }): Job[] => {
  const limit = checkedLimit(options.limit, "Job");
  const rows = (
    options.kind === undefined
      ? tdb.statement(`SELECT ${COLUMNS} FROM jobs ORDER BY due_at, id LIMIT ?`).all(limit)
      : tdb
          .statement(`SELECT ${COLUMNS} FROM jobs WHERE kind = ? ORDER BY due_at, id LIMIT ?`)
          .all(options.kind, limit)
  ) as JobRow[];
  return rows.map(jobOf);
};
