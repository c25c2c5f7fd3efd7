import type { TenantStore } from "../store/store-port.js";

/**
 * Ends every credential of a user who is deactivated: their sessions, and their API keys, which
 * are revoked rather than only refused, so reactivating the user does not bring an integration's
 * old key back (as old session tokens do not come back either).
 */
export const endCredentialsOf = async (store: TenantStore, userId: string, at: string): Promise<void> => {
  await store.deleteSessionsOf(userId);
  for (const key of await store.listApiKeys(userId))
    if (key.revokedAt === undefined) await store.revokeApiKey(key.id, at);
};
