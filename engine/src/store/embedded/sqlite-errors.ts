import Database from "better-sqlite3";
import { StoreError } from "../store-port.js";
import { SYSTEM_COLUMNS } from "./field-access.js";
import { fieldOfIndexName } from "./index-ddl.js";
import { objectOfTable } from "./record-table.js";

const FIELD_OF_COLUMN: ReadonlyMap<string, string> = new Map(
  Object.entries(SYSTEM_COLUMNS).map(([field, { column }]) => [column, field]),
);

/**
 * The field a unique constraint failure names. SQLite reports an expression index by name
 * ("UNIQUE constraint failed: index 'invoice:number:...'") and a column index by its columns
 * ("UNIQUE constraint failed: r_invoice.owner_id").
 */
const fieldOfUniqueFailure = (message: string): string | undefined => {
  const byIndex = /UNIQUE constraint failed: index '(.*)'$/.exec(message);
  if (byIndex?.[1] !== undefined) return fieldOfIndexName(byIndex[1]);
  const byColumn = /UNIQUE constraint failed: [^.,]+\.([^,\s]+)/.exec(message);
  return byColumn?.[1] === undefined ? undefined : FIELD_OF_COLUMN.get(byColumn[1]);
};

/** The StoreError an SQLite failure means, or the failure itself when it means none. */
const storeErrorOf = (error: unknown): unknown => {
  if (!(error instanceof Database.SqliteError)) return error;
  if (error.code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
    return new StoreError("duplicateId", "A record with this id already exists.");
  }
  if (error.code === "SQLITE_CONSTRAINT_UNIQUE") {
    const field = fieldOfUniqueFailure(error.message);
    return new StoreError("uniqueViolation", "The value of a unique field is already taken.", field);
  }
  const table = /^no such table: (?:main\.)?(\S+)$/.exec(error.message)?.[1];
  if (table !== undefined && objectOfTable(table) !== undefined) {
    return new StoreError("unknownObject", "The object has no storage.");
  }
  return error;
};

/** Runs `fn`, rethrowing SQLite failures as the StoreErrors they mean. */
export const mappingStoreErrors = <T>(fn: () => T): T => {
  try {
    return fn();
  } catch (error) {
    throw storeErrorOf(error);
  }
};
