import type { DateBucket, JsonValue } from "@tessera/metadata";
import { checkAggregateQuery, notAGroupingKey } from "../aggregate-query.js";
import type { AggregateQuery, AggregateRow } from "../store-port.js";
import { type FieldAccess, fieldAccess } from "./field-access.js";
import { filterToSql, type SqlCondition } from "./filter-to-sql.js";
import { mappingStoreErrors } from "./sqlite-errors.js";
import type { TenantDatabase } from "./tenant-database.js";

/**
 * How the groups of a JSON key are ordered, from its JSON text `k`: by type (null, that is absent,
 * first; then numbers, strings, booleans, false before true as `->>` gives 0 and 1), then value.
 * Computed per group, never per row.
 */
const jsonOrder = (k: string): string[] => [
  `CASE json_type(${k}) WHEN 'integer' THEN 1 WHEN 'real' THEN 1 WHEN 'text' THEN 2 WHEN 'false' THEN 3 WHEN 'true' THEN 3 ELSE 0 END`,
  `${k} ->> '$'`,
];

/** Stored dates are "YYYY-MM-DD", datetimes "YYYY-MM-DDTHH:MM:SS.sssZ" (UTC): both start with the day. */
const DAY_PREFIX = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'";

/** The bucket key of a valid day `d` ("2026-11-26"), as dateBucketKey makes it. */
const BUCKET_SQL: { readonly [B in DateBucket]: (d: string) => string } = {
  day: (d) => d,
  // 'weekday 0' moves forward to the next Sunday (or stays on one); six days back is its Monday.
  week: (d) => `date(${d}, 'weekday 0', '-6 days')`,
  month: (d) => `substr(${d}, 1, 7)`,
  quarter: (d) => `substr(${d}, 1, 4) || '-Q' || ((CAST(substr(${d}, 6, 2) AS INTEGER) + 2) / 3)`,
  year: (d) => `substr(${d}, 1, 4)`,
};

/**
 * A group key: what the scan reads per row (`read`, as `k<i>`), the key the grouping computes from
 * it (`key`), and whether that is JSON text (`json`: a data field, grouped by its JSON text so that
 * 1, "1" and true are three keys, with JSON null as absent) or the SQL value itself (a system
 * column, or a bucket key: a string, or NULL for anything but a string starting with a real day).
 */
const keyColumn = (
  access: FieldAccess,
  bucket: DateBucket | undefined,
  read: string,
): { read: string; key: string; json: boolean } => {
  if (bucket === undefined) {
    return access.kind === "column"
      ? { read: access.value, key: read, json: false }
      : { read: `nullif(data -> ${access.path}, 'null')`, key: read, json: true };
  }
  if (access.kind === "column" && access.valueKind === "number")
    return { read: "NULL", key: read, json: false };
  const day = `substr(${read}, 1, 10)`;
  // Only text matches the pattern (`->>` gives numbers, booleans as 1/0, arrays as "[...]"); date()
  // rolls "2026-02-30" over to March and refuses "2026-13-01": only a real day is itself.
  const valid = `${read} GLOB ${DAY_PREFIX} AND date(${day}) IS ${day}`;
  return { read: access.value, key: `CASE WHEN ${valid} THEN ${BUCKET_SQL[bucket](day)} END`, json: false };
};

const NUMERIC = (access: FieldAccess): string =>
  access.kind === "column"
    ? access.valueKind === "number"
      ? "1"
      : "0"
    : `coalesce(${access.type}, '') IN ('integer', 'real')`;

const ORDERED = (access: FieldAccess): string =>
  access.kind === "column" ? "1" : `coalesce(${access.type}, '') IN ('integer', 'real', 'text')`;

/**
 * A measure: the expression the scan reads per row (undefined: none needed) and the aggregate over
 * that input. sum is `total` (floating point, never overflowing) unless no row had a number.
 */
const measureColumns = (
  measure: AggregateQuery["measures"][number],
): { row?: string; aggregate: (input: string) => string } => {
  if (measure.field === undefined) return { aggregate: () => "count(*)" };
  const access = fieldAccess(measure.field);
  switch (measure.operation) {
    case "count":
      return access.kind === "column"
        ? { aggregate: () => "count(*)" }
        : { row: access.value, aggregate: (input) => `count(${input})` };
    case "sum":
      return {
        row: `CASE WHEN ${NUMERIC(access)} THEN ${access.value} END`,
        aggregate: (input) => `CASE WHEN count(${input}) = 0 THEN NULL ELSE total(${input}) END`,
      };
    case "avg":
      return {
        row: `CASE WHEN ${NUMERIC(access)} THEN ${access.value} END`,
        aggregate: (input) => `avg(${input})`,
      };
    case "min":
    case "max": {
      const operation = measure.operation;
      // SQLite orders numbers before text, as MongoDB does.
      return {
        row: `CASE WHEN ${ORDERED(access)} THEN ${access.value} END`,
        aggregate: (input) => `${operation}(${input})`,
      };
    }
  }
};

/**
 * One SELECT over the records of `quotedTable` answering the query, ending in `LIMIT ?` (bound
 * last, at run time). The scan reads each row's key values (`k<i>`) and measure inputs (`m<i>`)
 * once; the grouping buckets the keys, groups and orders the groups: any group whose JSON key is
 * an array or object first (to be refused), then each key.
 */
export const aggregateStatement = (quotedTable: string, query: AggregateQuery): SqlCondition => {
  checkAggregateQuery(query);
  const where = query.filter === undefined ? { sql: "1", params: [] } : filterToSql(query.filter);
  const scan: string[] = [];
  const outer: string[] = [];
  const groups: string[] = [];
  const order: string[] = [];
  const refused: string[] = [];
  query.groupBy.forEach((key, i) => {
    const column = keyColumn(fieldAccess(key.field), key.bucket, `k${i}`);
    scan.push(`${column.read} AS k${i}`);
    outer.push(`${column.key} AS g${i}`);
    groups.push(`g${i}`);
    if (column.json) {
      order.push(...jsonOrder(`g${i}`));
      refused.push(`coalesce(json_type(g${i}), '') IN ('array', 'object')`);
    } else {
      order.push(`g${i}`);
    }
  });
  // Measures of one field share its input (sum and avg of amount read amount once per row).
  const inputs = new Map<string, string>();
  query.measures.forEach((measure, i) => {
    const columns = measureColumns(measure);
    let input = "";
    if (columns.row !== undefined) {
      input = inputs.get(columns.row) ?? `m${inputs.size}`;
      if (!inputs.has(columns.row)) scan.push(`${columns.row} AS ${input}`);
      inputs.set(columns.row, input);
    }
    outer.push(`${columns.aggregate(input)} AS a${i}`);
  });
  if (scan.length === 0) scan.push("1");
  // Without keys nor measures the outer query must still aggregate, so it has its one row.
  if (outer.length === 0) outer.push("count(*) AS n");
  // LIMIT -1 (no limit) keeps SQLite from flattening the scan into the grouping, which would read
  // a bucketed value from the record once per use in its bucket expression rather than once.
  let sql = `SELECT ${outer.join(", ")} FROM (SELECT ${scan.join(", ")} FROM ${quotedTable} WHERE ${where.sql} LIMIT -1)`;
  if (groups.length > 0) {
    if (refused.length > 0) order.unshift(`(${refused.join(" OR ")}) DESC`);
    sql += ` GROUP BY ${groups.join(", ")} ORDER BY ${order.join(", ")}`;
  }
  return { sql: `${sql} LIMIT ?`, params: where.params };
};

type GroupRow = Record<string, number | string | null>;

const keyOf = (row: GroupRow, i: number, key: AggregateQuery["groupBy"][number]): JsonValue => {
  const value = row[`g${i}`] ?? null;
  if (key.bucket !== undefined || value === null || fieldAccess(key.field).kind === "column") return value;
  const parsed = JSON.parse(String(value)) as JsonValue;
  if (typeof parsed === "object" && parsed !== null) throw notAGroupingKey(key.field);
  return parsed;
};

/** Grouped measures in one statement: SQLite does the grouping, JavaScript sees one row per group. */
export const aggregate = (tdb: TenantDatabase, object: string, query: AggregateQuery): AggregateRow[] =>
  mappingStoreErrors(() => {
    const statement = aggregateStatement(tdb.recordTable(object), query);
    const rows = tdb.statement(statement.sql).all(...statement.params, query.limit) as GroupRow[];
    return rows.map((row) => ({
      keys: query.groupBy.map((key, i) => keyOf(row, i, key)),
      values: query.measures.map((_measure, i) => row[`a${i}`] ?? null),
    }));
  });
