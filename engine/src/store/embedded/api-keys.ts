import Database from "better-sqlite3";
import { type ApiKey, StoreError } from "../store-port.js";
import type { TenantDatabase } from "./tenant-database.js";

interface ApiKeyRow {
  id: string;
  name: string;
  user_id: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

const COLUMNS =
  "id, name, user_id, token_hash, prefix, created_at, created_by, expires_at, last_used_at, revoked_at";

const apiKeyOf = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  userId: row.user_id,
  tokenHash: row.token_hash,
  prefix: row.prefix,
  createdAt: row.created_at,
  createdBy: row.created_by,
  ...(row.expires_at !== null && { expiresAt: row.expires_at }),
  ...(row.last_used_at !== null && { lastUsedAt: row.last_used_at }),
  ...(row.revoked_at !== null && { revokedAt: row.revoked_at }),
});

export const createApiKey = (tdb: TenantDatabase, key: ApiKey): void => {
  try {
    tdb
      .statement(`INSERT INTO api_keys (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        key.id,
        key.name,
        key.userId,
        key.tokenHash,
        key.prefix,
        key.createdAt,
        key.createdBy,
        key.expiresAt ?? null,
        key.lastUsedAt ?? null,
        key.revokedAt ?? null,
      );
  } catch (error) {
    if (
      error instanceof Database.SqliteError &&
      (error.code === "SQLITE_CONSTRAINT_PRIMARYKEY" || error.code === "SQLITE_CONSTRAINT_UNIQUE")
    )
      throw new StoreError("duplicateId", "An API key with this id or token exists");
    throw error;
  }
};

export const getApiKeyByHash = (tdb: TenantDatabase, tokenHash: string): ApiKey | undefined => {
  const row = tdb.statement(`SELECT ${COLUMNS} FROM api_keys WHERE token_hash = ?`).get(tokenHash) as
    | ApiKeyRow
    | undefined;
  return row === undefined ? undefined : apiKeyOf(row);
};

export const listApiKeys = (tdb: TenantDatabase, userId: string | undefined): ApiKey[] => {
  const rows = (
    userId === undefined
      ? tdb.statement(`SELECT ${COLUMNS} FROM api_keys ORDER BY created_at, id`).all()
      : tdb.statement(`SELECT ${COLUMNS} FROM api_keys WHERE user_id = ? ORDER BY created_at, id`).all(userId)
  ) as ApiKeyRow[];
  return rows.map(apiKeyOf);
};

export const revokeApiKey = (tdb: TenantDatabase, id: string, revokedAt: string): boolean =>
  tdb.statement("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").run(revokedAt, id)
    .changes === 1;

export const markApiKeyUsed = (tdb: TenantDatabase, id: string, at: string): void => {
  tdb.statement("UPDATE api_keys SET last_used_at = ? WHERE id = ?").run(at, id);
};
