// The embedded (SQLite) adapter of the store port.
export type { EmbeddedStoreOptions } from "./create-embedded-store.js";
export { createEmbeddedStore } from "./create-embedded-store.js";
export type { SqlCondition, SqlParam } from "./filter-to-sql.js";
export { filterToSql } from "./filter-to-sql.js";
