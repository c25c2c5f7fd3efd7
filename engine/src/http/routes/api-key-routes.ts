import { Router } from "express";
import { createApiKey, listApiKeys, revokeApiKey } from "../../security/manage-api-keys.js";
import { auditAfterChange, scopeOf, userTarget } from "../audit-request.js";
import { type EngineDeps, requestContext } from "../request-context.js";

/** `/api/v1/users/:id/api-keys`: API keys of integrations, made and revoked by administrators. */
export const apiKeyRoutes = (deps: EngineDeps): Router => {
  const router = Router();
  router.post("/:id/api-keys", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const userId = String(req.params.id);
    const { key, token } = await createApiKey(ctx, userId, req.body);
    const { target } = await userTarget(ctx.store, userId);
    await auditAfterChange(res, scopeOf(req, ctx), {
      type: "apiKey.created",
      target,
      details: { apiKeyId: key.id, name: key.name, expiresAt: key.expiresAt },
    });
    res.status(201).json({ ...key, token });
  });
  router.get("/:id/api-keys", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json({ apiKeys: await listApiKeys(ctx, String(req.params.id)) });
  });
  router.delete("/:id/api-keys/:keyId", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const userId = String(req.params.id);
    const { key, revoked } = await revokeApiKey(ctx, userId, String(req.params.keyId));
    if (revoked) {
      const { target } = await userTarget(ctx.store, userId);
      await auditAfterChange(res, scopeOf(req, ctx), {
        type: "apiKey.revoked",
        target,
        details: { apiKeyId: key.id, name: key.name },
      });
    }
    res.status(204).end();
  });
  return router;
};
