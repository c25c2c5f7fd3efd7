import { isPlainObject } from "@tessera/metadata";
import { EngineError, forbidden, invalid, notFound, type ProblemDetail } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import { newRecordId } from "../records/record-id.js";
import { loadAccessible } from "../records/update-record.js";
import type { ApiKey } from "../store/store-port.js";
import { newApiKeyToken } from "./api-key-token.js";
import { hashToken } from "./session-token.js";

/** An API key as the API shows it: never its token or the token's hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  userId: string;
  prefix: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const MAX_NAME_LENGTH = 80;
const NEW_KEY_MEMBERS = new Set(["name", "expiresAt"]);
// A date-time with a zone, as `Date#toISOString` writes it or with an offset: no local times.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export const apiKeyView = (key: ApiKey): ApiKeyView => ({
  id: key.id,
  name: key.name,
  userId: key.userId,
  prefix: key.prefix,
  createdAt: key.createdAt,
  createdBy: key.createdBy,
  expiresAt: key.expiresAt ?? null,
  lastUsedAt: key.lastUsedAt ?? null,
  revokedAt: key.revokedAt ?? null,
});

const requireKeyAdmin = (ctx: RecordContext): void => {
  if (!ctx.access.manageUsers && !ctx.access.system.modifyAllData)
    throw forbidden("Managing API keys needs the manageUsers or modifyAllData permission");
};

/** `{name, expiresAt?}`; every other member is refused (never silently ignored). */
const parseNewKey = (body: unknown, now: Date): { name: string; expiresAt?: string } => {
  if (!isPlainObject(body)) throw invalid("Send the API key as {name, expiresAt?}", []);
  const errors: ProblemDetail[] = Object.keys(body)
    .filter((key) => !NEW_KEY_MEMBERS.has(key))
    .map((key) => ({
      path: `/${key}`,
      code: "field.unknown",
      message: `"${key}" is not a member of an API key.`,
    }));
  const name = typeof body.name === "string" ? body.name.trim() : "";
  if (name.length === 0 || name.length > MAX_NAME_LENGTH)
    errors.push({
      path: "/name",
      code: "apiKey.name",
      message: `Name the key (text, 1 to ${MAX_NAME_LENGTH} characters).`,
    });
  let expiresAt: string | undefined;
  if (body.expiresAt !== undefined && body.expiresAt !== null) {
    const at =
      typeof body.expiresAt === "string" && DATE_TIME.test(body.expiresAt)
        ? Date.parse(body.expiresAt)
        : Number.NaN;
    if (!Number.isFinite(at))
      errors.push({
        path: "/expiresAt",
        code: "apiKey.expiresAt",
        message: "expiresAt is a date and time with a zone, e.g. 2030-01-01T00:00:00Z.",
      });
    else if (at <= now.getTime())
      errors.push({
        path: "/expiresAt",
        code: "apiKey.expiresAt",
        message: "expiresAt must be in the future.",
      });
    else expiresAt = new Date(at).toISOString();
  }
  if (errors.length > 0) throw invalid("The API key is not valid", errors);
  return { name, ...(expiresAt !== undefined && { expiresAt }) };
};

/**
 * Makes an API key that acts as the user `userId`. Needs manageUsers or modifyAllData, and the
 * user must be visible to the caller (404 otherwise) and active. The token is in this answer only.
 */
export const createApiKey = async (
  ctx: RecordContext,
  userId: string,
  body: unknown,
): Promise<{ key: ApiKeyView; token: string }> => {
  requireKeyAdmin(ctx);
  const user = await loadAccessible(ctx, "user", userId, "read");
  const now = ctx.now();
  const fields = parseNewKey(body, now);
  if (user.active === false)
    throw new EngineError(422, "invalid", "The user is not active", [
      { path: "", code: "apiKey.inactiveUser", message: "API keys act as active users only." },
    ]);
  const { token, prefix } = newApiKeyToken(ctx.store.tenant);
  const key: ApiKey = {
    id: newRecordId(now),
    ...fields,
    userId,
    tokenHash: hashToken(token),
    prefix,
    createdAt: now.toISOString(),
    createdBy: ctx.actor.userId,
  };
  await ctx.store.createApiKey(key);
  return { key: apiKeyView(key), token };
};

/** The keys of a user, revoked ones included, oldest first. Needs manageUsers or modifyAllData. */
export const listApiKeys = async (ctx: RecordContext, userId: string): Promise<ApiKeyView[]> => {
  requireKeyAdmin(ctx);
  await loadAccessible(ctx, "user", userId, "read");
  return (await ctx.store.listApiKeys(userId)).map(apiKeyView);
};

/**
 * Revokes one key of a user (404 when the user has no such key). Revoking a revoked key changes
 * nothing; `revoked` says whether this call revoked it.
 */
export const revokeApiKey = async (
  ctx: RecordContext,
  userId: string,
  keyId: string,
): Promise<{ key: ApiKeyView; revoked: boolean }> => {
  requireKeyAdmin(ctx);
  await loadAccessible(ctx, "user", userId, "read");
  const key = (await ctx.store.listApiKeys(userId)).find((k) => k.id === keyId);
  if (key === undefined) throw notFound("No such API key");
  const at = ctx.now().toISOString();
  const revoked = key.revokedAt === undefined && (await ctx.store.revokeApiKey(key.id, at));
  return { key: apiKeyView(revoked ? { ...key, revokedAt: at } : key), revoked };
};
