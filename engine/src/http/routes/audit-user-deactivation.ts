import { isPlainObject } from "@tessera/metadata";
import type { RequestHandler } from "express";
import { auditAfterChange, requestLog, scopeOf, userTarget } from "../audit-request.js";
import { type EngineDeps, requestContext } from "../request-context.js";

/**
 * Audits `PATCH /api/v1/records/user/:id` when it deactivates a user. The update is the record
 * pipeline's (record-routes.ts, which this leaves alone): mounted before it, this notes whether the
 * user is active now and holds back the success answer until the event is written, so a client
 * that saw the answer finds the event in the log. Every other PATCH passes straight through.
 */
export const auditUserDeactivation =
  (deps: EngineDeps): RequestHandler =>
  async (req, res, next) => {
    const body: unknown = req.body;
    if (!isPlainObject(body) || body.active !== false) return next();
    const ctx = await requestContext(deps, req, res);
    const id = String(req.params.id);
    const before = await ctx.store.getRecord("user", id);
    if (before === undefined || before.active === false) return next();
    const send = res.json.bind(res);
    res.json = (payload: unknown) => {
      if (res.statusCode >= 300) return send(payload);
      const recorded = async () => {
        const after = await ctx.store.getRecord("user", id);
        if (after?.active !== false) return;
        const { target } = await userTarget(ctx.store, id);
        await auditAfterChange(res, scopeOf(req, ctx), { type: "user.deactivated", target });
      };
      void recorded()
        .catch((error: unknown) =>
          requestLog(res).error(
            { err: error, audit: { type: "user.deactivated", id } },
            "audit event not recorded",
          ),
        )
        .finally(() => send(payload));
      return res;
    };
    next();
  };
