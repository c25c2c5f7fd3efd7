import { EngineError, unauthorized } from "../errors/engine-error.js";
import type { StoredRecord, TenantStore } from "../store/store-port.js";
import { isApiKeyToken } from "./api-key-token.js";
import { authenticateApiKey } from "./authenticate-api-key.js";
import { hashPassword, verifyPassword } from "./password.js";
import { hashToken, newSessionToken, SESSION_TTL_MS } from "./session-token.js";

// Unknown users still cost one hash check, so response time does not reveal which usernames exist.
let decoyHash: Promise<string> | undefined;
const decoy = () => {
  decoyHash ??= hashPassword("decoy password that matches nothing");
  return decoyHash;
};

/**
 * Refuses a sign-in after the same work a real check costs, for failures found before any password
 * hash was at hand (unknown tenant): timing must not tell which tenants or users exist.
 */
export const refuseAfterDecoyCheck = async (password: string): Promise<never> => {
  await passwordMatches(password, undefined);
  throw invalidCredentials();
};

const invalidCredentials = () => new EngineError(401, "auth.invalid", "Wrong tenant, username or password");

/** The active user record with this username, if any. */
export const findUserByUsername = async (
  store: TenantStore,
  username: string,
): Promise<StoredRecord | undefined> => {
  const page = await store.findRecords("user", {
    filter: { op: "compare", field: "username", operator: "==", value: username },
    sort: [],
    limit: 1,
  });
  const user = page.records[0];
  return user !== undefined && user.active !== false ? user : undefined;
};

/**
 * Whether `password` matches the stored hash. Without a hash it does the same work against a decoy
 * and answers false, so timing does not tell whether the user (or their password) exists.
 */
export const passwordMatches = async (password: string, hash: string | undefined): Promise<boolean> => {
  if (hash !== undefined) return verifyPassword(password, hash);
  await verifyPassword(password, await decoy());
  return false;
};

/** Opens a new session of a user whose credentials were checked; the token exists only in the answer. */
export const openSession = async (
  store: TenantStore,
  userId: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: string; userId: string }> => {
  const token = newSessionToken(store.tenant);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await store.createSession({ tokenHash: hashToken(token), userId, createdAt: now.toISOString(), expiresAt });
  return { token, expiresAt, userId };
};

/**
 * Checks a username and password and opens a session. Every failure answers the same 401, so the
 * answer does not tell which part was wrong.
 */
export const signIn = async (
  store: TenantStore,
  username: string,
  password: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: string; userId: string }> => {
  const user = await findUserByUsername(store, username);
  const hash = user === undefined ? undefined : await store.getPasswordHash(user.id);
  if (user === undefined || !(await passwordMatches(password, hash))) throw invalidCredentials();
  return openSession(store, user.id, now);
};

/**
 * The user a bearer token belongs to, if the session (or API key) is open and the user still
 * active.
 */
export const authenticateToken = async (
  store: TenantStore,
  token: string,
  now = new Date(),
): Promise<StoredRecord> => {
  if (isApiKeyToken(token)) return authenticateApiKey(store, token, now);
  const session = await store.getSession(hashToken(token));
  if (session === undefined || session.expiresAt <= now.toISOString())
    throw unauthorized("Your session has ended; sign in again");
  const user = await store.getRecord("user", session.userId);
  if (user === undefined || user.active === false)
    throw unauthorized("Your session has ended; sign in again");
  return user;
};
