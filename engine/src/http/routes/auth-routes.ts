import { isPlainObject } from "@tessera/metadata";
import { type Request, type Response, Router } from "express";
import { badRequest, EngineError, type ProblemDetail } from "../../errors/engine-error.js";
import { isApiKeyToken } from "../../security/api-key-token.js";
import { type AuditNote, audit } from "../../security/audit.js";
import type { LoginThrottle } from "../../security/login-throttle.js";
import { hashToken } from "../../security/session-token.js";
import { refuseAfterDecoyCheck, signIn } from "../../security/sign-in.js";
import { StoreError, type TenantStore } from "../../store/store-port.js";
import { isTenantName } from "../../store/tenant-name.js";
import { anonymousScope, auditAfterChange, clientIp, requestLog, scopeOf } from "../audit-request.js";
import type { EngineDeps } from "../request-context.js";
import { openTenant, requestContext } from "../request-context.js";
import { ownPasswordRoute } from "./own-password-route.js";
import { signInThrottled } from "./sign-in-throttled.js";

const text = (body: Record<string, unknown>, key: string, max: number, errors: ProblemDetail[]): string => {
  const value = body[key];
  if (typeof value !== "string" || value.length === 0 || value.length > max) {
    errors.push({
      path: `/${key}`,
      code: "field.required",
      message: `"${key}" is required (text, at most ${max} characters).`,
    });
    return "";
  }
  return value;
};

/** The tenant's store when the tenant exists: refused sign-ins are audited there, if anywhere. */
const tenantIfAny = async (deps: EngineDeps, tenant: string): Promise<TenantStore | undefined> => {
  if (!isTenantName(tenant)) return undefined;
  try {
    return await deps.store.tenant(tenant);
  } catch (error) {
    if (error instanceof StoreError) return undefined;
    throw error;
  }
};

/**
 * Audits a refused sign-in. The refusal stands whatever happens here (it fails closed already); a
 * failed audit write is logged with the request id. An unknown tenant has no audit log: the
 * request log keeps those.
 */
const auditRefusal = async (req: Request, res: Response, store: TenantStore | undefined, note: AuditNote) => {
  if (store === undefined) {
    requestLog(res).warn({ audit: { ...note, ip: clientIp(req) } }, "sign-in refused for an unknown tenant");
    return;
  }
  await auditAfterChange(res, anonymousScope(req, store), note);
};

export const authRoutes = (deps: EngineDeps, throttle: LoginThrottle): Router => {
  const router = Router();
  router.post("/login", async (req, res) => {
    const body: unknown = req.body;
    if (!isPlainObject(body)) throw new EngineError(400, "badRequest", "Send {tenant, username, password}");
    const errors: ProblemDetail[] = [];
    const tenant = text(body, "tenant", 40, errors);
    const username = text(body, "username", 80, errors);
    const password = text(body, "password", 200, errors);
    if (errors.length > 0)
      throw new EngineError(400, "badRequest", "Sign-in needs a tenant, a username and a password", errors);
    // Checked before the password, and keyed by what was typed only: a throttled answer is the same
    // for a right or wrong password and for users and tenants that do not exist.
    const admission = throttle.admit({ tenant, username, ip: clientIp(req) });
    if (!admission.admitted) {
      await auditRefusal(req, res, await tenantIfAny(deps, tenant), {
        type: "login.throttled",
        actorName: username,
        details: { retryAfterSeconds: admission.retryAfterSeconds },
      });
      throw signInThrottled(res, admission.retryAfterSeconds);
    }
    const failed: AuditNote = { type: "login.failed", actorName: username };
    const store = await openTenant(deps, tenant).catch(async (error: unknown) => {
      if (!(error instanceof EngineError && error.status === 401)) throw error;
      await auditRefusal(req, res, undefined, failed);
      return refuseAfterDecoyCheck(password);
    });
    const session = await signIn(store, username, password).catch(async (error: unknown) => {
      if (error instanceof EngineError && error.status === 401) await auditRefusal(req, res, store, failed);
      throw error;
    });
    admission.ticket.succeeded();
    // Fails closed: a sign-in that cannot be audited is refused, its session closed again.
    try {
      await audit(anonymousScope(req, store), {
        type: "login.succeeded",
        actorId: session.userId,
        actorName: username,
      });
    } catch (error) {
      await store.deleteSession(hashToken(session.token)).catch(() => undefined);
      throw error;
    }
    res.status(200).json({ token: session.token, expiresAt: session.expiresAt, userId: session.userId });
  });
  router.post("/logout", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const token = (req.get("authorization") ?? "").slice("Bearer ".length);
    if (isApiKeyToken(token))
      throw badRequest("An API key is not a session: an administrator revokes it", [
        { path: "", code: "auth.notASession", message: "DELETE /api/v1/users/{id}/api-keys/{keyId}" },
      ]);
    await ctx.store.deleteSession(hashToken(token));
    await auditAfterChange(res, scopeOf(req, ctx), { type: "logout" });
    res.status(204).end();
  });
  router.post("/password", ownPasswordRoute(deps, throttle));
  return router;
};
