import { isPlainObject } from "@tessera/metadata";
import { Router } from "express";
import { EngineError, type ProblemDetail } from "../../errors/engine-error.js";
import { hashToken } from "../../security/session-token.js";
import { refuseAfterDecoyCheck, signIn } from "../../security/sign-in.js";
import type { EngineDeps } from "../request-context.js";
import { openTenant, requestContext } from "../request-context.js";

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

export const authRoutes = (deps: EngineDeps): Router => {
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
    const store = await openTenant(deps, tenant).catch((error: unknown) =>
      error instanceof EngineError && error.status === 401
        ? refuseAfterDecoyCheck(password)
        : Promise.reject(error),
    );
    const session = await signIn(store, username, password);
    res.status(200).json({ token: session.token, expiresAt: session.expiresAt, userId: session.userId });
  });
  router.post("/logout", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const token = (req.get("authorization") ?? "").slice("Bearer ".length);
    await ctx.store.deleteSession(hashToken(token));
    res.status(204).end();
  });
  return router;
};
