import type Database from "better-sqlite3";

/** Most prepared statements kept per connection; filters of many shapes must not grow it forever. */
const CAPACITY = 500;

/** Prepared statements by SQL text, least recently used dropped first. */
export class StatementCache {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement<unknown[]>>();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  get(sql: string): Database.Statement<unknown[]> {
    const cached = this.#statements.get(sql);
    if (cached !== undefined) {
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    const statement = this.#db.prepare<unknown[]>(sql);
    this.#statements.set(sql, statement);
    if (this.#statements.size > CAPACITY) {
      const oldest = this.#statements.keys().next();
      if (oldest.done !== true) this.#statements.delete(oldest.value);
    }
    return statement;
  }
}
