import type { JsonObject } from "@tessera/metadata";
import type { PublishedVersion } from "../store-port.js";
import type { TenantDatabase } from "./tenant-database.js";

interface VersionRow {
  version: number;
  published_at: string;
  published_by: string;
  documents: string;
  changes: string;
}

const SELECT_VERSION = `SELECT version, published_at, published_by, json(documents) AS documents,
json(changes) AS changes FROM versions`;

const versionOfRow = (row: VersionRow): PublishedVersion => ({
  version: row.version,
  publishedAt: row.published_at,
  publishedBy: row.published_by,
  documents: JSON.parse(row.documents) as JsonObject[],
  changes: JSON.parse(row.changes) as JsonObject[],
});

/** The number of the active version; 0 when nothing was published. */
export const currentVersionNumber = (tdb: TenantDatabase): number => {
  const row = tdb.statement("SELECT version FROM current_version WHERE singleton = 1").get() as
    | { version: number }
    | undefined;
  return row?.version ?? 0;
};

export const currentVersion = (tdb: TenantDatabase): PublishedVersion | undefined => {
  const row = tdb
    .statement(`${SELECT_VERSION} WHERE version = (SELECT version FROM current_version WHERE singleton = 1)`)
    .get() as VersionRow | undefined;
  return row === undefined ? undefined : versionOfRow(row);
};

export const readVersion = (tdb: TenantDatabase, version: number): PublishedVersion | undefined => {
  const row = tdb.statement(`${SELECT_VERSION} WHERE version = ?`).get(version) as VersionRow | undefined;
  return row === undefined ? undefined : versionOfRow(row);
};

export const listVersions = (tdb: TenantDatabase): Array<Omit<PublishedVersion, "documents" | "changes">> =>
  (
    tdb
      .statement("SELECT version, published_at, published_by FROM versions ORDER BY version DESC")
      .all() as VersionRow[]
  ).map((row) => ({ version: row.version, publishedAt: row.published_at, publishedBy: row.published_by }));

/** Stores `next` and makes it current; call inside the publish transaction. */
export const activateVersion = (tdb: TenantDatabase, next: PublishedVersion): void => {
  tdb
    .statement(
      "INSERT INTO versions (version, published_at, published_by, documents, changes) VALUES (?, ?, ?, jsonb(?), jsonb(?))",
    )
    .run(
      next.version,
      next.publishedAt,
      next.publishedBy,
      JSON.stringify(next.documents),
      JSON.stringify(next.changes),
    );
  tdb
    .statement(
      `INSERT INTO current_version (singleton, version) VALUES (1, ?)
ON CONFLICT (singleton) DO UPDATE SET version = excluded.version`,
    )
    .run(next.version);
};
