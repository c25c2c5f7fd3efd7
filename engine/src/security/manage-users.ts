import { isPlainObject, type JsonObject } from "@tessera/metadata";
import { EngineError, forbidden } from "../errors/engine-error.js";
import { createRecord } from "../records/create-record.js";
import type { RecordContext } from "../records/record-context.js";
import { loadAccessible } from "../records/update-record.js";
import { hashPassword } from "./password.js";
import { acceptablePassword } from "./password-policy.js";

const requireUserAdmin = (ctx: RecordContext): void => {
  if (!ctx.access.manageUsers) throw forbidden("Managing users needs the manageUsers permission");
};

/**
 * Creates a user (a record of the `user` object, through the normal pipeline) with a password,
 * which is stored only as a scrypt hash. Needs manageUsers.
 */
export const createUser = async (ctx: RecordContext, body: unknown): Promise<JsonObject> => {
  requireUserAdmin(ctx);
  if (!isPlainObject(body)) throw new EngineError(422, "invalid", "Send the user as a JSON object");
  const { password, ...fields } = body;
  const checked = acceptablePassword(password, "/password");
  const user = await createRecord(ctx, "user", fields);
  await ctx.store.setPasswordHash(String(user.id), await hashPassword(checked));
  return user;
};

/** Sets a user's password and ends all their sessions. Needs manageUsers. */
export const setUserPassword = async (ctx: RecordContext, userId: string, body: unknown): Promise<void> => {
  requireUserAdmin(ctx);
  const password = acceptablePassword(isPlainObject(body) ? body.password : undefined, "/password");
  await loadAccessible(ctx, "user", userId, "read");
  await ctx.store.setPasswordHash(userId, await hashPassword(password));
  await ctx.store.deleteSessionsOf(userId);
};
