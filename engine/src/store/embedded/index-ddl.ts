import type { IndexSpec } from "../store-port.js";
import { fieldAccess, quoteIdentifier } from "./field-access.js";
import { quotedRecordTable } from "./record-table.js";

/**
 * A name SQLite keeps apart from every other name, although it ignores ASCII case in identifiers:
 * `^` is doubled and an upper-case letter becomes `^` and its lower case. Reversible.
 */
const caseless = (name: string): string =>
  name.replace(/\^/g, "^^").replace(/[A-Z]/g, (letter) => `^${letter.toLowerCase()}`);

const cased = (name: string): string =>
  name.replace(/\^(\^|[a-z])/g, (_match, next: string) => (next === "^" ? "^" : next.toUpperCase()));

/**
 * The SQLite name of an index: `<object>:<first field>:<spec name>`, each part `caseless`. Index
 * names are global in a database, so the object makes them unique; the first field lets a unique
 * violation, which SQLite reports by index name, name the field. Objects and fields have no `:`.
 */
export const physicalIndexName = (object: string, spec: IndexSpec): string => {
  const first = spec.keys[0];
  if (first === undefined) throw new RangeError(`Index ${spec.name} of ${object} has no keys`);
  return `${caseless(object)}:${caseless(first.field)}:${caseless(spec.name)}`;
};

/** The field a physical index name starts with, if it is one of ours. */
export const fieldOfIndexName = (name: string): string | undefined => {
  const parts = name.split(":");
  return parts.length >= 3 && parts[1] !== undefined && parts[1] !== "" ? cased(parts[1]) : undefined;
};

/**
 * The CREATE INDEX statement of a spec, exactly as SQLite keeps it in sqlite_schema, so an
 * unchanged index is recognised and left alone. Field keys are the same `data ->> '$.field'`
 * expressions queries use (SQLite only matches an expression index to an identical expression).
 * A non-unique index ends with `id`, the listing tie-breaker, so it serves ORDER BY and keyset
 * seeks completely; a unique one cannot (it would no longer be unique per value).
 */
export const createIndexSql = (object: string, spec: IndexSpec): string => {
  const columns = spec.keys.map((key) => {
    const access = fieldAccess(key.field);
    const expression = access.kind === "column" ? access.value : `(${access.value})`;
    return `${expression} ${key.direction === "asc" ? "ASC" : "DESC"}`;
  });
  if (!spec.unique && !spec.keys.some((key) => key.field === "id")) columns.push("id ASC");
  const name = quoteIdentifier(physicalIndexName(object, spec));
  return `CREATE ${spec.unique ? "UNIQUE " : ""}INDEX ${name} ON ${quotedRecordTable(object)} (${columns.join(", ")})`;
};
