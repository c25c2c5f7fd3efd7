import { isPlainObject } from "@tessera/metadata";
import { badRequest, EngineError, type ProblemDetail } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import { hashPassword } from "./password.js";
import { acceptablePassword, MAX_PASSWORD_LENGTH } from "./password-policy.js";
import { openSession, passwordMatches } from "./sign-in.js";

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/**
 * `{currentPassword, newPassword}`: a missing or malformed current password is a 400 (no password
 * was checked, so the sign-in throttle does not count it); an unacceptable new one is a 422.
 */
export const parsePasswordChange = (body: unknown): PasswordChange => {
  const current = isPlainObject(body) ? body.currentPassword : undefined;
  if (typeof current !== "string" || current.length === 0 || current.length > MAX_PASSWORD_LENGTH) {
    const detail: ProblemDetail = {
      path: "/currentPassword",
      code: "field.required",
      message: `"currentPassword" is required (text, at most ${MAX_PASSWORD_LENGTH} characters).`,
    };
    throw badRequest("Send {currentPassword, newPassword}", [detail]);
  }
  const next = acceptablePassword(isPlainObject(body) ? body.newPassword : undefined, "/newPassword");
  return { currentPassword: current, newPassword: next };
};

const wrongPassword = () =>
  new EngineError(422, "invalid", "The password was not changed", [
    { path: "/currentPassword", code: "auth.wrongPassword", message: "The current password is not right." },
  ]);

/**
 * Changes the signed-in user's own password, after checking their current one (a wrong one is a
 * 422 after the same scrypt work as a right one). Every session of the user ends, the one making
 * the change included, and a new session is opened in its place: a token that may have been seen
 * before the change (a shared machine, a log) stops working. API keys are not touched: they are
 * separate credentials of integrations, revoked one by one.
 */
export const changeOwnPassword = async (
  ctx: RecordContext,
  change: PasswordChange,
): Promise<{ token: string; expiresAt: string; userId: string }> => {
  const userId = ctx.actor.userId;
  const hash = await ctx.store.getPasswordHash(userId);
  if (!(await passwordMatches(change.currentPassword, hash))) throw wrongPassword();
  await ctx.store.setPasswordHash(userId, await hashPassword(change.newPassword));
  await ctx.store.deleteSessionsOf(userId);
  return openSession(ctx.store, userId, ctx.now());
};
