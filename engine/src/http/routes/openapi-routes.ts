import { Router } from "express";
import { buildOpenApi } from "../openapi/build-openapi.js";
import { type EngineDeps, requestContext } from "../request-context.js";

export const openApiRoutes = (deps: EngineDeps): Router => {
  const router = Router();
  router.get("/openapi.json", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json(buildOpenApi(ctx, `${req.protocol}://${req.get("host") ?? "localhost"}`));
  });
  return router;
};
