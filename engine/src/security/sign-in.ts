import { EngineError, unauthorized } from "../errors/engine-error.js";
import type { StoredRecord, TenantStore } from "../store/store-port.js";
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
  await verifyPassword(password, await decoy());
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
  if (user === undefined || hash === undefined) {
    await verifyPassword(password, await decoy());
    throw invalidCredentials();
  }
  if (!(await verifyPassword(password, hash))) throw invalidCredentials();
  const token = newSessionToken(store.tenant);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await store.createSession({
    tokenHash: hashToken(token),
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { token, expiresAt, userId: user.id };
};

/** The user a bearer token belongs to, if the session is open and the user still active. */
export const authenticateToken = async (
  store: TenantStore,
  token: string,
  now = new Date(),
): Promise<StoredRecord> => {
  const session = await store.getSession(hashToken(token));
  if (session === undefined || session.expiresAt <= now.toISOString())
    throw unauthorized("Your session has ended; sign in again");
  const user = await store.getRecord("user", session.userId);
  if (user === undefined || user.active === false)
    throw unauthorized("Your session has ended; sign in again");
  return user;
};
