import type { JsonObject } from "@tessera/metadata";
import { entryBodyJson, entryKey, expectedRevision, prefixUpperBound } from "../entry-keys.js";
import { checkedLimit } from "../list-limit.js";
import type { Entry, EntryQuery } from "../store-port.js";
import type { SqlParam } from "./filter-to-sql.js";
import type { TenantDatabase } from "./tenant-database.js";

interface EntryRow {
  collection: string;
  id: string;
  revision: number;
  body: string;
  updated_at: string;
}

const COLUMNS = "collection, id, revision, body, updated_at";

const entryOf = (row: EntryRow): Entry => ({
  collection: row.collection,
  id: row.id,
  revision: row.revision,
  body: JSON.parse(row.body) as JsonObject,
  updatedAt: row.updated_at,
});

/** The ids of one collection starting with `prefix`, as a range the primary key serves. */
const prefixRange = (prefix: string): { sql: string; params: SqlParam[] } => {
  if (prefix === "") return { sql: "", params: [] };
  const bound = prefixUpperBound(prefix);
  return bound === undefined
    ? { sql: " AND id >= ?", params: [prefix] }
    : { sql: " AND id >= ? AND id < ?", params: [prefix, bound] };
};

export const getEntry = (tdb: TenantDatabase, collection: string, id: string): Entry | undefined => {
  const row = tdb
    .statement(`SELECT ${COLUMNS} FROM entries WHERE collection = ? AND id = ?`)
    .get(entryKey(collection, "Collection"), entryKey(id, "Entry id")) as EntryRow | undefined;
  return row === undefined ? undefined : entryOf(row);
};

/** One statement whatever the condition, so two writers can never both see the same revision. */
export const putEntry = (
  tdb: TenantDatabase,
  collection: string,
  id: string,
  body: JsonObject,
  options: { ifRevision?: number; at?: string },
): boolean => {
  const key = [entryKey(collection, "Collection"), entryKey(id, "Entry id")];
  const json = entryBodyJson(body);
  const at = options.at ?? new Date().toISOString();
  const revision = expectedRevision(options.ifRevision);
  if (revision === undefined) {
    tdb
      .statement(
        `INSERT INTO entries (${COLUMNS}) VALUES (?, ?, 1, ?, ?)
ON CONFLICT (collection, id) DO UPDATE SET revision = revision + 1, body = excluded.body, updated_at = excluded.updated_at`,
      )
      .run(...key, json, at);
    return true;
  }
  if (revision === 0) {
    return (
      tdb
        .statement(
          `INSERT INTO entries (${COLUMNS}) VALUES (?, ?, 1, ?, ?) ON CONFLICT (collection, id) DO NOTHING`,
        )
        .run(...key, json, at).changes === 1
    );
  }
  return (
    tdb
      .statement(
        "UPDATE entries SET revision = revision + 1, body = ?, updated_at = ? WHERE collection = ? AND id = ? AND revision = ?",
      )
      .run(json, at, ...key, revision).changes === 1
  );
};

export const deleteEntry = (tdb: TenantDatabase, collection: string, id: string): boolean =>
  tdb
    .statement("DELETE FROM entries WHERE collection = ? AND id = ?")
    .run(entryKey(collection, "Collection"), entryKey(id, "Entry id")).changes === 1;

export const listEntries = (tdb: TenantDatabase, collection: string, query: EntryQuery): Entry[] => {
  const limit = checkedLimit(query.limit, "Entry");
  const descending = query.order !== "asc";
  const range = prefixRange(entryKey(query.prefix ?? "", "Entry prefix", true));
  const params: SqlParam[] = [entryKey(collection, "Collection"), ...range.params];
  let after = "";
  if (query.after !== undefined) {
    after = descending ? " AND id < ?" : " AND id > ?";
    params.push(entryKey(query.after, "Entry cursor"));
  }
  const rows = tdb
    .statement(
      `SELECT ${COLUMNS} FROM entries WHERE collection = ?${range.sql}${after} ORDER BY id ${descending ? "DESC" : "ASC"} LIMIT ?`,
    )
    .all(...params, limit) as EntryRow[];
  return rows.map(entryOf);
};

export const deleteEntries = (tdb: TenantDatabase, collection: string, prefix: string): number => {
  const range = prefixRange(entryKey(prefix, "Entry prefix", true));
  return tdb
    .statement(`DELETE FROM entries WHERE collection = ?${range.sql}`)
    .run(entryKey(collection, "Collection"), ...range.params).changes;
};
