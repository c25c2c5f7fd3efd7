import Database from "better-sqlite3";
import { type AuditEvent, type AuditQuery, DEFAULT_AUDIT_LIMIT, StoreError } from "../store-port.js";
import type { TenantDatabase } from "./tenant-database.js";

export const appendAudit = (tdb: TenantDatabase, event: AuditEvent): void => {
  try {
    tdb
      .statement("INSERT INTO audit_events (id, at, type, body) VALUES (?, ?, ?, ?)")
      .run(event.id, event.at, event.type, JSON.stringify(event));
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === "SQLITE_CONSTRAINT_PRIMARYKEY")
      throw new StoreError("duplicateId", "An audit event with this id exists");
    throw error;
  }
};

/** Checks a limit the way every list of the store does: a non-negative integer. */
const limitOf = (options: AuditQuery): number => {
  const limit = options.limit ?? DEFAULT_AUDIT_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 0)
    throw new RangeError("Audit limit must be a non-negative integer");
  return limit;
};

// Row values compare (at, id) as one key, which the (type,) at, id indexes serve in order. An unknown
// cursor makes the subquery NULL, and the comparison with NULL selects nothing.
const AFTER_CURSOR = "(at, id) < (SELECT at, id FROM audit_events WHERE id = ?)";

export const listAudit = (tdb: TenantDatabase, options: AuditQuery): AuditEvent[] => {
  const conditions: string[] = [];
  const parameters: Array<string | number> = [];
  if (options.type !== undefined) {
    conditions.push("type = ?");
    parameters.push(options.type);
  }
  if (options.before !== undefined) {
    conditions.push(AFTER_CURSOR);
    parameters.push(options.before);
  }
  const where = conditions.length === 0 ? "" : `WHERE ${conditions.join(" AND ")} `;
  const rows = tdb
    .statement(`SELECT body FROM audit_events ${where}ORDER BY at DESC, id DESC LIMIT ?`)
    .all(...parameters, limitOf(options)) as Array<{ body: string }>;
  return rows.map((row) => JSON.parse(row.body) as AuditEvent);
};
