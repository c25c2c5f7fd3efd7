import type { StorageSchema } from "../store-port.js";
import { createIndexSql, physicalIndexName } from "./index-ddl.js";
import { quotedRecordTable, recordTableName } from "./record-table.js";
import type { TenantDatabase } from "./tenant-database.js";
import { recordTableSql } from "./tenant-schema.js";

/** The DDL a StorageSchema needs, computed (and every name checked) before anything changes. */
export interface StoragePlan {
  dropped: Array<{ object: string; table: string; quotedTable: string }>;
  droppedFields: ReadonlyArray<{ object: string; field: string }>;
  objects: Array<{ table: string; createTable: string; indexes: Map<string, string> }>;
}

export const planStorage = (schema: StorageSchema): StoragePlan => ({
  droppedFields: schema.droppedFields ?? [],
  dropped: schema.dropped.map((object) => ({
    object,
    table: recordTableName(object) ?? "",
    quotedTable: quotedRecordTable(object),
  })),
  objects: schema.objects.map(({ name, indexes }) => {
    const byName = new Map<string, string>();
    for (const spec of indexes) {
      const physical = physicalIndexName(name, spec);
      if (byName.has(physical)) throw new RangeError(`Index ${spec.name} of ${name} is listed twice`);
      byName.set(physical, createIndexSql(name, spec));
    }
    return {
      table: recordTableName(name) ?? "",
      createTable: recordTableSql(quotedRecordTable(name)),
      indexes: byName,
    };
  }),
});

/**
 * Applies a plan inside the publish transaction (SQLite DDL is transactional, so a failure, such as
 * a unique index over duplicate values, undoes all of it). Dropped objects lose their records,
 * history, counters and work items before listed objects are created, so a name can be dropped and reused in
 * one publish. An index whose definition is unchanged is kept; one that changed is rebuilt.
 */
export const applyStoragePlan = (tdb: TenantDatabase, plan: StoragePlan): void => {
  for (const { object, quotedTable } of plan.dropped) {
    tdb.db.exec(`DROP TABLE IF EXISTS ${quotedTable}`);
    tdb.statement("DELETE FROM history WHERE object = ?").run(object);
    tdb.statement("DELETE FROM counters WHERE object = ?").run(object);
    tdb.statement("DELETE FROM work_items WHERE object = ?").run(object);
  }
  for (const { object, field } of plan.droppedFields) {
    tdb.statement("DELETE FROM history WHERE object = ? AND field = ?").run(object, field);
  }
  for (const { table, createTable, indexes } of plan.objects) {
    tdb.db.exec(createTable);
    const existing = tdb
      .statement(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
      )
      .all(table) as Array<{ name: string; sql: string }>;
    const kept = new Set<string>();
    for (const { name, sql } of existing) {
      if (indexes.get(name) === sql) kept.add(name);
      else tdb.db.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
    }
    for (const [name, sql] of indexes) {
      if (!kept.has(name)) tdb.db.exec(sql);
    }
  }
};
