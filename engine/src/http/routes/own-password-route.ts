import type { RequestHandler } from "express";
import { EngineError, forbidden } from "../../errors/engine-error.js";
import { isApiKeyToken } from "../../security/api-key-token.js";
import { changeOwnPassword, parsePasswordChange } from "../../security/change-own-password.js";
import type { LoginThrottle } from "../../security/login-throttle.js";
import { auditAfterChange, clientIp, scopeOf } from "../audit-request.js";
import { type EngineDeps, requestContext } from "../request-context.js";
import { signInThrottled } from "./sign-in-throttled.js";

const DURING = { during: "passwordChange" } as const;

/**
 * `POST /api/v1/auth/password {currentPassword, newPassword}`: a signed-in user changes their own
 * password. Checking the current password is a sign-in attempt as far as guessing goes, so the
 * sign-in throttle admits it (and counts a wrong one) under the user's name and the client's
 * address, and a refusal is audited as a failed sign-in. Answers a new session token.
 */
export const ownPasswordRoute =
  (deps: EngineDeps, throttle: LoginThrottle): RequestHandler =>
  async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    // An integration's key must not turn into the person's password: only a session may change it.
    if (isApiKeyToken((req.get("authorization") ?? "").slice("Bearer ".length)))
      throw forbidden("Changing a password needs a signed-in session, not an API key");
    const change = parsePasswordChange(req.body);
    const scope = scopeOf(req, ctx);
    const admission = throttle.admit({
      tenant: ctx.actor.tenant,
      username: ctx.actor.username,
      ip: clientIp(req),
    });
    if (!admission.admitted) {
      await auditAfterChange(res, scope, {
        type: "login.throttled",
        details: { ...DURING, retryAfterSeconds: admission.retryAfterSeconds },
      });
      throw signInThrottled(res, admission.retryAfterSeconds);
    }
    const session = await changeOwnPassword(ctx, change).catch(async (error: unknown) => {
      if (error instanceof EngineError && error.status === 422)
        await auditAfterChange(res, scope, { type: "login.failed", details: DURING });
      throw error;
    });
    admission.ticket.succeeded();
    await auditAfterChange(res, scope, {
      type: "user.passwordChanged",
      target: { object: "user", id: ctx.actor.userId, name: ctx.actor.username },
      details: { self: true },
    });
    res.status(200).json(session);
  };
