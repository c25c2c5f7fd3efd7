import { randomUUID } from "node:crypto";
import express, { type Express } from "express";
import type { Logger } from "pino";
import { EngineError } from "../errors/engine-error.js";
import { problemHandler, sendProblem } from "./problem-response.js";
import type { EngineDeps } from "./request-context.js";
import { authRoutes } from "./routes/auth-routes.js";
import { metadataRoutes } from "./routes/metadata-routes.js";
import { openApiRoutes } from "./routes/openapi-routes.js";
import { recordRoutes } from "./routes/record-routes.js";
import { userRoutes } from "./routes/user-routes.js";
import { findUnsafeKey } from "./unsafe-keys.js";

export const JSON_BODY_LIMIT = "1mb";

/** Query strings parse to flat string values only: no arrays from repeated keys, no nested objects. */
const parseQuery = (query: string): Record<string, string> => {
  const params: Record<string, string> = Object.create(null);
  for (const [key, value] of new URLSearchParams(query)) params[key] = value;
  return params;
};

/**
 * The HTTP API (DESIGN section 9). Handlers are thin: parse, call a service, map the result; every
 * failure leaves as application/problem+json.
 */
export const createApp = (deps: EngineDeps & { logger: Logger }): Express => {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", parseQuery);
  app.set("trust proxy", false);
  app.use((req, res, next) => {
    const requestId = /^[A-Za-z0-9-]{8,64}$/.test(req.get("x-request-id") ?? "")
      ? String(req.get("x-request-id"))
      : randomUUID();
    res.setHeader("x-request-id", requestId);
    res.setHeader("x-content-type-options", "nosniff");
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      deps.logger.info(
        { requestId, method: req.method, path: req.path, status: res.statusCode, ms: Number(ms.toFixed(2)) },
        "request",
      );
    });
    next();
  });
  app.use(
    express.json({ limit: JSON_BODY_LIMIT, strict: true, type: ["application/json", "application/*+json"] }),
  );
  app.use((req, res, next) => {
    const unsafe = findUnsafeKey(req.body);
    if (unsafe === undefined) return next();
    const title =
      unsafe.code === "body.tooDeep"
        ? "The body is nested too deeply"
        : "The body contains a key that is not allowed";
    return sendProblem(res, new EngineError(400, "badRequest", title, [unsafe]));
  });
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.use("/api/v1/auth", authRoutes(deps));
  app.use("/api/v1/metadata", metadataRoutes(deps));
  app.use("/api/v1/records", recordRoutes(deps));
  app.use("/api/v1/users", userRoutes(deps));
  app.use("/api/v1", openApiRoutes(deps));
  app.use("/api", (_req, res) => sendProblem(res, new EngineError(404, "notFound", "No such API route")));
  // Last: every unmatched path answers problem+json too, never express's HTML page.
  app.use((_req, res) => sendProblem(res, new EngineError(404, "notFound", "Not found")));
  app.use(problemHandler(deps.logger));
  return app;
};
