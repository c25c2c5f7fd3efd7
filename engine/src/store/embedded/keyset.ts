import type { JsonValue } from "@tessera/metadata";
import type { SortKey } from "../store-port.js";
import { fieldAccess } from "./field-access.js";
import type { SqlCondition, SqlParam } from "./filter-to-sql.js";

/** The sort keys a query orders by: the requested ones, then `id` ascending as the tie-breaker. */
export const withIdTieBreaker = (sort: readonly SortKey[]): SortKey[] => [
  ...sort,
  { field: "id", direction: "asc" },
];

/** The SQL value of a sort key: a column or `data ->> '$.field'`, as the indexes are built. */
export const sortExpression = (field: string): string => fieldAccess(field).value;

export const orderBy = (keys: readonly SortKey[]): string =>
  keys.map((k) => `${sortExpression(k.field)} ${k.direction === "asc" ? "ASC" : "DESC"}`).join(", ");

/**
 * A cursor value as SQLite sees the stored value through `->>`: booleans are 1/0, arrays and
 * objects JSON text. So the cursor compares in exactly the order ORDER BY produces.
 */
export const sortParam = (value: JsonValue | undefined): SqlParam => {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number" || typeof value === "string") return value;
  return JSON.stringify(value);
};

/**
 * Rows strictly after `after` in the order of `keys` (which end with `id`), where a missing value
 * (NULL) sorts lowest: first in ascending order, last in descending order, as SQLite's ORDER BY
 * puts NULLs. Lexicographic: some key is past the cursor's and every key before it is equal (`IS`,
 * so NULL equals NULL). NULLs only occur in conjunctions and disjunctions here, where SQLite's
 * unknown acts as false, so no row is both after and not after.
 */
export const keysetAfter = (keys: readonly SortKey[], after: readonly JsonValue[]): SqlCondition => {
  const params: SqlParam[] = [];
  const disjuncts: string[] = [];
  const equalities: Array<{ sql: string; param: SqlParam }> = [];
  keys.forEach((key, i) => {
    const expression = sortExpression(key.field);
    const value = sortParam(after[i]);
    const past = pastCondition(expression, key.direction, value);
    if (past !== undefined) {
      for (const equality of equalities) params.push(equality.param);
      if (past.param !== undefined) params.push(past.param);
      disjuncts.push(`(${[...equalities.map((e) => e.sql), past.sql].join(" AND ")})`);
    }
    equalities.push({ sql: `${expression} IS ?`, param: value });
  });
  return { sql: disjuncts.length === 0 ? "0" : `(${disjuncts.join(" OR ")})`, params };
};

const pastCondition = (
  expression: string,
  direction: "asc" | "desc",
  value: SqlParam,
): { sql: string; param?: SqlParam } | undefined => {
  if (direction === "asc") {
    return value === null ? { sql: `${expression} IS NOT NULL` } : { sql: `${expression} > ?`, param: value };
  }
  return value === null ? undefined : { sql: `(${expression} < ? OR ${expression} IS NULL)`, param: value };
};
