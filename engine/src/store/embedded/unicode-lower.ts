import type Database from "better-sqlite3";

/**
 * The SQL name of String.prototype.toLowerCase. SQLite's lower() folds ASCII only, while filters
 * ignore case with JavaScript's Unicode default case mapping ("É" -> "é"); both sides of a
 * case-insensitive comparison pass through this one function, so the store agrees with evaluateFilter.
 */
export const LOWER_FUNCTION = "tessera_lower";

export const registerUnicodeLower = (db: Database.Database): void => {
  db.function(LOWER_FUNCTION, { deterministic: true }, (value: unknown) =>
    typeof value === "string" ? value.toLowerCase() : value,
  );
};
