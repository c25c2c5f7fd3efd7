import Database from "better-sqlite3";
import { StoreError } from "../store-port.js";
import { quoteIdentifier } from "./field-access.js";
import { recordTableName } from "./record-table.js";
import { StatementCache } from "./statement-cache.js";
import { migrateTenantSchema } from "./tenant-schema.js";
import { registerUnicodeLower } from "./unicode-lower.js";

/** How long a writer waits for another connection's lock (another process on the same file). */
const BUSY_TIMEOUT_MS = 5000;

/**
 * One tenant's SQLite connection with its cached statements. better-sqlite3 is synchronous, so
 * every method runs to completion before another starts: within one process, transactions never
 * interleave.
 */
export class TenantDatabase {
  readonly db: Database.Database;
  readonly #statements: StatementCache;
  /**
   * Objects whose record table was seen to exist. Only publish drops tables and it clears this set;
   * a publish by another process shows as SQLite's "no such table", mapped to unknownObject too.
   */
  readonly #tables = new Set<string>();

  private constructor(db: Database.Database) {
    this.db = db;
    this.#statements = new StatementCache(db);
  }

  /** Opens an existing database file and brings its fixed tables up to date. */
  static open(file: string): TenantDatabase {
    const db = new Database(file, { fileMustExist: true });
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      // WAL with synchronous=FULL syncs the log on every commit: an acknowledged write survives
      // a killed process and a power loss.
      const mode = db.pragma("journal_mode = WAL", { simple: true });
      if (mode !== "wal") throw new Error(`Could not switch ${file} to WAL mode`);
      db.pragma("synchronous = FULL");
      db.pragma("foreign_keys = ON");
      db.pragma("trusted_schema = OFF");
      registerUnicodeLower(db);
      migrateTenantSchema(db);
      return new TenantDatabase(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  statement(sql: string): Database.Statement<unknown[]> {
    return this.#statements.get(sql);
  }

  /** Runs `fn` in one write transaction (BEGIN IMMEDIATE); a throw rolls everything back. */
  write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** Runs `fn` in one read transaction: its statements see one snapshot. */
  read<T>(fn: () => T): T {
    return this.db.transaction(fn).deferred();
  }

  /** The quoted record table of `object`; StoreError `unknownObject` when it has none. */
  recordTable(object: string): string {
    const table = recordTableName(object);
    if (table === undefined) throw new StoreError("unknownObject", "The object has no storage.");
    if (!this.#tables.has(object)) {
      const found = this.statement("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(
        table,
      );
      if (found === undefined) throw new StoreError("unknownObject", "The object has no storage.");
      this.#tables.add(object);
    }
    return quoteIdentifier(table);
  }

  /** Forgets which record tables exist, after DDL changed them. */
  tablesChanged(): void {
    this.#tables.clear();
  }

  /** Closes the connection, first letting SQLite refresh the planner statistics it needs. */
  close(): void {
    try {
      this.db.pragma("optimize");
    } finally {
      this.db.close();
    }
  }
}
