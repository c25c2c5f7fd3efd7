import type { AutoNumberAssignment, HistoryEntry, StoredRecord } from "../store-port.js";
import type { WriteEffects } from "../work-types.js";
import { checkEffects } from "../written-record.js";
import { appendHistory } from "./record-history.js";
import { ROW_COLUMNS, rowValuesOf } from "./record-rows.js";
import { mappingStoreErrors } from "./sqlite-errors.js";
import type { TenantDatabase } from "./tenant-database.js";
import { removeWorkItemsIn } from "./work-items.js";
import { applyEffects } from "./write-effects.js";

const INSERT_COLUMNS = ROW_COLUMNS.join(", ");
const INSERT_VALUES = [...ROW_COLUMNS.slice(0, -1).map(() => "?"), "jsonb(?)"].join(", ");
const UPDATE_SET = [...ROW_COLUMNS.slice(0, -1).map((c) => `${c} = ?`), "data = jsonb(?)"].join(", ");

/** Next value of a counter, created at `startAt`; rolled back with the write it belongs to. */
const BUMP_COUNTER = `INSERT INTO counters (object, field, value) VALUES (?, ?, ?)
ON CONFLICT (object, field) DO UPDATE SET value = value + 1 RETURNING value`;

const insertRow = (tdb: TenantDatabase, table: string, record: StoredRecord): void => {
  tdb
    .statement(`INSERT INTO ${table} (${INSERT_COLUMNS}) VALUES (${INSERT_VALUES})`)
    .run(...rowValuesOf(record));
};

export const insertRecord = (
  tdb: TenantDatabase,
  object: string,
  record: StoredRecord,
  autoNumbers: readonly AutoNumberAssignment[],
  history: readonly HistoryEntry[],
  effects?: WriteEffects,
): StoredRecord => {
  const written = { object, recordId: record.id };
  checkEffects(effects, written);
  return mappingStoreErrors(() =>
    tdb.write(() => {
      const table = tdb.recordTable(object);
      const assigned = autoNumbers.map((assignment): [string, string] => {
        const row = tdb.statement(BUMP_COUNTER).get(object, assignment.field, assignment.startAt) as {
          value: number;
        };
        return [assignment.field, assignment.render(row.value)];
      });
      const stored = { ...record, ...Object.fromEntries(assigned), version: 1 } as StoredRecord;
      insertRow(tdb, table, stored);
      appendHistory(tdb, history);
      applyEffects(tdb, effects, written);
      return stored;
    }),
  );
};

/** Inserts every record at version 1 in one transaction: all or none. */
export const insertRecords = (
  tdb: TenantDatabase,
  object: string,
  records: readonly StoredRecord[],
  history: readonly HistoryEntry[],
): void =>
  mappingStoreErrors(() =>
    tdb.write(() => {
      const table = tdb.recordTable(object);
      for (const record of records) insertRow(tdb, table, { ...record, version: 1 });
      appendHistory(tdb, history);
    }),
  );

export const updateRecord = (
  tdb: TenantDatabase,
  object: string,
  record: StoredRecord,
  expectedVersion: number,
  history: readonly HistoryEntry[],
  effects?: WriteEffects,
): boolean => {
  if (record.version !== expectedVersion + 1) {
    throw new RangeError("An updated record's version must be the expected version plus one");
  }
  const written = { object, recordId: record.id };
  checkEffects(effects, written);
  return mappingStoreErrors(() =>
    tdb.write(() => {
      const table = tdb.recordTable(object);
      // The version is checked in the same statement that writes: no lost updates.
      const result = tdb
        .statement(`UPDATE ${table} SET ${UPDATE_SET} WHERE id = ? AND version = ?`)
        .run(...rowValuesOf(record), record.id, expectedVersion);
      if (result.changes === 0) return false;
      appendHistory(tdb, history);
      applyEffects(tdb, effects, written);
      return true;
    }),
  );
};

export const deleteRecords = (
  tdb: TenantDatabase,
  targets: ReadonlyArray<{ object: string; id: string; expectedVersion?: number }>,
  effects?: WriteEffects,
): boolean => {
  checkEffects(effects, undefined);
  return mappingStoreErrors(() =>
    tdb.write(() => {
      const tables = targets.map((target) => tdb.recordTable(target.object));
      // Every condition is checked before anything is deleted: all or nothing.
      for (const [i, target] of targets.entries()) {
        if (target.expectedVersion === undefined) continue;
        const row = tdb.statement(`SELECT version FROM ${tables[i]} WHERE id = ?`).get(target.id) as
          | { version: number }
          | undefined;
        if (row?.version !== target.expectedVersion) return false;
      }
      for (const [i, target] of targets.entries()) {
        tdb.statement(`DELETE FROM ${tables[i]} WHERE id = ?`).run(target.id);
        removeWorkItemsIn(tdb, target.object, target.id);
      }
      applyEffects(tdb, effects, undefined);
      return true;
    }),
  );
};
