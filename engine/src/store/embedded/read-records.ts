import type { StoredRecord } from "../store-port.js";
import { RECORD_COLUMNS, type RecordRow, recordOfRow } from "./record-rows.js";
import { mappingStoreErrors } from "./sqlite-errors.js";
import type { TenantDatabase } from "./tenant-database.js";

export const getRecord = (tdb: TenantDatabase, object: string, id: string): StoredRecord | undefined =>
  mappingStoreErrors(() => {
    const row = tdb
      .statement(`SELECT ${RECORD_COLUMNS} FROM ${tdb.recordTable(object)} WHERE id = ?`)
      .get(id) as RecordRow | undefined;
    return row === undefined ? undefined : recordOfRow(row);
  });

/** The records with these ids that exist, in the order of `ids`, each once. */
export const getRecords = (tdb: TenantDatabase, object: string, ids: readonly string[]): StoredRecord[] =>
  mappingStoreErrors(() => {
    const table = tdb.recordTable(object);
    if (ids.length === 0) return [];
    // One JSON parameter whatever the number of ids: one cached statement, no parameter limit.
    const rows = tdb
      .statement(`SELECT ${RECORD_COLUMNS} FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as RecordRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const records: StoredRecord[] = [];
    for (const id of new Set(ids)) {
      const row = byId.get(id);
      if (row !== undefined) records.push(recordOfRow(row));
    }
    return records;
  });
