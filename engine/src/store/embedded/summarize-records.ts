import type { FilterNode } from "@tessera/metadata";
import type { SummaryOperation } from "../store-port.js";
import { fieldAccess } from "./field-access.js";
import { filterToSql } from "./filter-to-sql.js";
import { mappingStoreErrors } from "./sqlite-errors.js";
import type { TenantDatabase } from "./tenant-database.js";

/**
 * count/sum/min/max/avg over the records matching `filter`. `count` counts records, or with a field
 * the records that have a value for it. The others take numbers only (never booleans or numeric
 * strings) and are null when no matching record has one; sum adds in floating point (`total`),
 * so it never overflows.
 */
export const summarize = (
  tdb: TenantDatabase,
  object: string,
  operation: SummaryOperation,
  field: string | undefined,
  filter: FilterNode | undefined,
): number | null =>
  mappingStoreErrors(() => {
    const table = tdb.recordTable(object);
    const where = filter === undefined ? { sql: "1", params: [] } : filterToSql(filter);
    const run = (select: string, guard: string): number | null => {
      const row = tdb
        .statement(`SELECT ${select} AS result FROM ${table} WHERE ${where.sql} AND ${guard}`)
        .get(...where.params) as { result: number | null };
      return row.result;
    };
    if (field === undefined) {
      if (operation !== "count") throw new RangeError(`${operation} needs a field`);
      return run("count(*)", "1");
    }
    const access = fieldAccess(field);
    if (operation === "count") return run(`count(${access.value})`, "1");
    const numeric =
      access.kind === "column"
        ? access.valueKind === "number"
          ? "1"
          : "0"
        : `coalesce(${access.type}, '') IN ('integer', 'real')`;
    const value = access.value;
    const select = {
      sum: `CASE WHEN count(${value}) = 0 THEN NULL ELSE total(${value}) END`,
      min: `min(${value})`,
      max: `max(${value})`,
      avg: `avg(${value})`,
    }[operation];
    return run(select, numeric);
  });
