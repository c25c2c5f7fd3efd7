import type { FilterNode } from "@tessera/metadata";
import type { RecordPage, RecordQuery, SortKey } from "../store-port.js";
import { filterToSql, type SqlCondition } from "./filter-to-sql.js";
import { keysetAfter, orderBy, sortExpression, sortParam, withIdTieBreaker } from "./keyset.js";
import { RECORD_COLUMNS, type RecordRow, recordOfRow } from "./record-rows.js";
import { mappingStoreErrors } from "./sqlite-errors.js";
import type { TenantDatabase } from "./tenant-database.js";

/** `search` as a filter: `contains` on any of the fields, so it has the filters' semantics. */
const searchFilter = (search: NonNullable<RecordQuery["search"]>): FilterNode => ({
  op: "or",
  children: search.fields.map((field) => ({ op: "contains", field, value: search.text })),
});

const conjunction = (conditions: readonly SqlCondition[]): SqlCondition => {
  const used = conditions.filter((c) => c.sql !== "1");
  return used.length === 0
    ? { sql: "1", params: [] }
    : { sql: used.map((c) => c.sql).join(" AND "), params: used.flatMap((c) => c.params) };
};

const checkQuery = (query: RecordQuery): void => {
  if (!Number.isSafeInteger(query.limit) || query.limit < 0) {
    throw new RangeError("Query limit must be a non-negative integer");
  }
  if (query.after !== undefined && query.after.length !== query.sort.length + 1) {
    throw new RangeError("A cursor has one value per sort key, then the id");
  }
};

/**
 * The SELECTs of one page, each ending in `LIMIT ?` (the row count is bound last, at run time).
 * `nulls`, when present, continues `main` once it is exhausted.
 */
export interface PageStatements {
  main: SqlCondition;
  nulls?: SqlCondition;
}

/**
 * The statements of one page in sort order, `id` ascending last, strictly after the cursor. The
 * cursor is a condition on values, not an offset, so records inserted between page reads are
 * neither skipped nor repeated. A seek bound on the first key lets an index on it start at the
 * cursor: for an ascending key with a value, the rows after have a value >= it; for a descending
 * key with a value, they are the rows with a value <= it and then every row without one (missing
 * values sort last), which `nulls` reads.
 */
export const pageStatements = (quotedTable: string, query: RecordQuery): PageStatements => {
  checkQuery(query);
  const keys = withIdTieBreaker(query.sort);
  const base: SqlCondition[] = [];
  if (query.filter !== undefined) base.push(filterToSql(query.filter));
  if (query.search !== undefined) base.push(filterToSql(searchFilter(query.search)));
  const select = (conditions: readonly SqlCondition[], order: readonly SortKey[]): SqlCondition => {
    const where = conjunction(conditions);
    return {
      sql: `SELECT ${RECORD_COLUMNS} FROM ${quotedTable} WHERE ${where.sql} ORDER BY ${orderBy(order)} LIMIT ?`,
      params: where.params,
    };
  };
  if (query.after === undefined) return { main: select(base, keys) };
  const keyset = keysetAfter(keys, query.after);
  const first = keys[0] as SortKey;
  const value = sortParam(query.after[0]);
  if (value === null) return { main: select([...base, keyset], keys) };
  const expression = sortExpression(first.field);
  if (first.direction === "asc") {
    return { main: select([...base, { sql: `${expression} >= ?`, params: [value] }, keyset], keys) };
  }
  return {
    main: select([...base, { sql: `${expression} <= ?`, params: [value] }, keyset], keys),
    nulls: select([...base, { sql: `${expression} IS NULL`, params: [] }], keys),
  };
};

export const findRecords = (tdb: TenantDatabase, object: string, query: RecordQuery): RecordPage =>
  mappingStoreErrors(() =>
    tdb.read(() => {
      const statements = pageStatements(tdb.recordTable(object), query);
      const wanted = query.limit + 1;
      const run = (statement: SqlCondition, count: number): RecordRow[] =>
        tdb.statement(statement.sql).all(...statement.params, count) as RecordRow[];
      let rows = run(statements.main, wanted);
      if (statements.nulls !== undefined && rows.length < wanted) {
        rows = [...rows, ...run(statements.nulls, wanted - rows.length)];
      }
      return {
        records: rows.slice(0, query.limit).map((row) => recordOfRow(row, query.fields)),
        hasMore: rows.length > query.limit,
      };
    }),
  );

export const countRecords = (tdb: TenantDatabase, object: string, filter: FilterNode | undefined): number =>
  mappingStoreErrors(() => {
    const table = tdb.recordTable(object);
    const where = filter === undefined ? { sql: "1", params: [] } : filterToSql(filter);
    const row = tdb
      .statement(`SELECT count(*) AS n FROM ${table} WHERE ${where.sql}`)
      .get(...where.params) as {
      n: number;
    };
    return row.n;
  });
