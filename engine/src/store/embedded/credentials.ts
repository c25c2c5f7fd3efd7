import type { Session } from "../store-port.js";
import type { TenantDatabase } from "./tenant-database.js";

export const getPasswordHash = (tdb: TenantDatabase, userId: string): string | undefined =>
  (
    tdb.statement("SELECT hash FROM password_hashes WHERE user_id = ?").get(userId) as
      | { hash: string }
      | undefined
  )?.hash;

export const setPasswordHash = (tdb: TenantDatabase, userId: string, hash: string): void => {
  tdb
    .statement(
      "INSERT INTO password_hashes (user_id, hash) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET hash = excluded.hash",
    )
    .run(userId, hash);
};

export const createSession = (tdb: TenantDatabase, session: Session): void => {
  tdb
    .statement("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
    .run(session.tokenHash, session.userId, session.createdAt, session.expiresAt);
};

interface SessionRow {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

/** The stored session, expired or not: expiry is the caller's decision, at its own clock. */
export const getSession = (tdb: TenantDatabase, tokenHash: string): Session | undefined => {
  const row = tdb
    .statement("SELECT token_hash, user_id, created_at, expires_at FROM sessions WHERE token_hash = ?")
    .get(tokenHash) as SessionRow | undefined;
  return row === undefined
    ? undefined
    : {
        tokenHash: row.token_hash,
        userId: row.user_id,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
      };
};

export const deleteSession = (tdb: TenantDatabase, tokenHash: string): void => {
  tdb.statement("DELETE FROM sessions WHERE token_hash = ?").run(tokenHash);
};

export const deleteSessionsOf = (tdb: TenantDatabase, userId: string): void => {
  tdb.statement("DELETE FROM sessions WHERE user_id = ?").run(userId);
};
