import type { JsonValue } from "@tessera/metadata";
import type { HistoryEntry } from "../store-port.js";
import type { TenantDatabase } from "./tenant-database.js";

const APPEND = `INSERT INTO history (object, record_id, field, old_value, new_value, version, changed_at, changed_by)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

/** Appends entries in order; call inside the write that made the changes. */
export const appendHistory = (tdb: TenantDatabase, entries: readonly HistoryEntry[]): void => {
  const statement = tdb.statement(APPEND);
  for (const entry of entries) {
    statement.run(
      entry.object,
      entry.recordId,
      entry.field,
      JSON.stringify(entry.oldValue ?? null),
      JSON.stringify(entry.newValue ?? null),
      entry.version,
      entry.changedAt,
      entry.changedBy,
    );
  }
};

interface HistoryRow {
  object: string;
  record_id: string;
  field: string;
  old_value: string;
  new_value: string;
  version: number;
  changed_at: string;
  changed_by: string;
}

/** A record's history, newest first (the order entries were appended, reversed). */
export const readHistory = (
  tdb: TenantDatabase,
  object: string,
  recordId: string,
  limit: number | undefined,
): HistoryEntry[] => {
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
    throw new RangeError("History limit must be a non-negative integer");
  }
  const rows = tdb
    .statement(
      `SELECT object, record_id, field, old_value, new_value, version, changed_at, changed_by
FROM history WHERE object = ? AND record_id = ? ORDER BY seq DESC LIMIT ?`,
    )
    .all(object, recordId, limit ?? -1) as HistoryRow[];
  return rows.map((row) => ({
    object: row.object,
    recordId: row.record_id,
    field: row.field,
    oldValue: JSON.parse(row.old_value) as JsonValue,
    newValue: JSON.parse(row.new_value) as JsonValue,
    version: row.version,
    changedAt: row.changed_at,
    changedBy: row.changed_by,
  }));
};
