import { unauthorized } from "../errors/engine-error.js";
import type { StoredRecord, TenantStore } from "../store/store-port.js";
import { hashToken } from "./session-token.js";

/** `lastUsedAt` is kept to this resolution: a busy integration does not cost a write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

const invalidKey = () => unauthorized("This API key is not valid");

/**
 * The user an API key acts as, if the key is neither revoked nor expired and the user is still
 * active (checked on every request, so deactivating the user stops the key at once).
 */
export const authenticateApiKey = async (
  store: TenantStore,
  token: string,
  now = new Date(),
): Promise<StoredRecord> => {
  const key = await store.getApiKeyByHash(hashToken(token));
  const at = now.toISOString();
  if (
    key === undefined ||
    key.revokedAt !== undefined ||
    (key.expiresAt !== undefined && key.expiresAt <= at)
  )
    throw invalidKey();
  const user = await store.getRecord("user", key.userId);
  if (user === undefined || user.active === false) throw invalidKey();
  if (key.lastUsedAt === undefined || Date.parse(key.lastUsedAt) <= now.getTime() - LAST_USED_RESOLUTION_MS)
    await store.markApiKeyUsed(key.id, at);
  return user;
};
