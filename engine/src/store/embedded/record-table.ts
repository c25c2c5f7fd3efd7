import { NAME_REGEX } from "@tessera/metadata";
import { quoteIdentifier } from "./field-access.js";

/**
 * The table name of an object's records, or undefined for a name no object can have. SQLite
 * compares identifiers without regard to ASCII case while object names are case-sensitive, so
 * each upper-case letter is written as `_` and its lower case ("dealLine" -> "r_deal_line"):
 * names never contain `_`, so distinct objects always get distinct tables.
 */
export const recordTableName = (object: string): string | undefined =>
  typeof object === "string" && NAME_REGEX.test(object)
    ? `r_${object.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`
    : undefined;

/** The object whose records a table holds, for table names made by recordTableName. */
export const objectOfTable = (table: string): string | undefined => {
  if (!table.startsWith("r_")) return undefined;
  const object = table.slice(2).replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
  return recordTableName(object) === table ? object : undefined;
};

export const quotedRecordTable = (object: string): string => {
  const table = recordTableName(object);
  if (table === undefined) throw new RangeError(`Not an object name: ${String(object)}`);
  return quoteIdentifier(table);
};
