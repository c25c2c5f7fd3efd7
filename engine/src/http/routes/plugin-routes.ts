import { isPlainObject, type JsonValue } from "@tessera/metadata";
import { type Request, type Response, Router } from "express";
import { EngineError } from "../../errors/engine-error.js";
import { activePlugins } from "../../plugins/active-plugins.js";
import { installedPackages } from "../../plugins/installed-packages.js";
import { pluginContext } from "../../plugins/plugin-context.js";
import type { PluginRoute } from "../../plugins/plugin-registry.js";
import { sendProblem } from "../problem-response.js";
import { type EngineDeps, requestContext } from "../request-context.js";

const NO_ROUTE = new EngineError(404, "notFound", "No such API route");

const stringsOf = (value: unknown): Record<string, string> => {
  const out: Record<string, string> = Object.create(null);
  if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) if (typeof v === "string") out[k] = v;
  return out;
};

const handle = (deps: EngineDeps, route: PluginRoute) => async (req: Request, res: Response) => {
  const ctx = await requestContext(deps, req, res);
  // A package's routes exist only in tenants that installed it; elsewhere they are unknown routes.
  if (!installedPackages(ctx.metadata).has(route.pkg)) return sendProblem(res, NO_ROUTE);
  const answer = await route.handler(
    { params: stringsOf(req.params), query: stringsOf(req.query), body: req.body as unknown },
    pluginContext(ctx, route.pkg),
  );
  const status = answer.status ?? 200;
  if (!Number.isInteger(status) || status < 200 || status > 599)
    throw new EngineError(
      500,
      "plugin.invalidResponse",
      `The "${route.pkg}" plugin answered status ${status}`,
    );
  if (status === 204 || answer.body === undefined) return res.status(status).end();
  return res.status(status).json(answer.body satisfies JsonValue);
};

/**
 * `/api/v1/plugins/<package>/...`: the routes plugins registered, for signed-in users of tenants
 * that have the package; handlers act with the caller's permissions.
 */
export const pluginRoutes = (deps: EngineDeps): Router => {
  const router = Router();
  for (const route of activePlugins().routes)
    router[route.method](`/${route.pkg}${route.path}`, handle(deps, route));
  return router;
};
