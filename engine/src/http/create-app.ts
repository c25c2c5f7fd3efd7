import { randomUUID } from "node:crypto";
import express, { type Express } from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import { EngineError } from "../errors/engine-error.js";
import { activePlugins } from "../plugins/active-plugins.js";
import { createLoginThrottle, type LoginThrottleOptions } from "../security/login-throttle.js";
import { pluginAssets } from "./plugin-assets.js";
import { problemHandler, sendProblem } from "./problem-response.js";
import type { EngineDeps } from "./request-context.js";
import { apiKeyRoutes } from "./routes/api-key-routes.js";
import { auditRoutes } from "./routes/audit-routes.js";
import { authRoutes } from "./routes/auth-routes.js";
import { automationRoutes } from "./routes/automation-routes.js";
import { duplicateRoutes } from "./routes/duplicate-routes.js";
import { exportRoutes } from "./routes/export-routes.js";
import { importRoutes } from "./routes/import-routes.js";
import { metadataRoutes } from "./routes/metadata-routes.js";
import { openApiRoutes } from "./routes/openapi-routes.js";
import { packageRoutes } from "./routes/package-routes.js";
import { pluginRoutes } from "./routes/plugin-routes.js";
import { recordRoutes } from "./routes/record-routes.js";
import { reportRoutes } from "./routes/report-routes.js";
import { uiRoutes } from "./routes/ui-routes.js";
import { userRoutes } from "./routes/user-routes.js";
import { workflowRoutes } from "./routes/workflow-routes.js";
import { serveApps } from "./static-apps.js";
import { findUnsafeKey } from "./unsafe-keys.js";

export const JSON_BODY_LIMIT = "1mb";
const JSON_MEDIA_TYPES = ["application/json", "application/*+json"];

/** Query strings parse to flat string values only: no arrays from repeated keys, no nested objects. */
const parseQuery = (query: string): Record<string, string> => {
  const params: Record<string, string> = Object.create(null);
  for (const [key, value] of new URLSearchParams(query)) params[key] = value;
  return params;
};

/**
 * Security headers for the API and, later, the React runtime and designer served from the same
 * origin: scripts only from this origin and never `eval`; no framing; HTTPS remembered for a year.
 * Styles allow inline: antd's CSS-in-JS writes <style> elements at run time (scripts stay strict).
 * No `upgrade-insecure-requests`: it would break the plain-HTTP `npm start` on localhost; HSTS
 * covers deployments behind HTTPS.
 */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      "default-src": ["'self'"],
      "base-uri": ["'self'"],
      "connect-src": ["'self'"],
      "font-src": ["'self'", "data:"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
      "img-src": ["'self'", "data:"],
      "object-src": ["'none'"],
      "script-src": ["'self'"],
      "script-src-attr": ["'none'"],
      "style-src": ["'self'", "'unsafe-inline'"],
    },
  },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  xFrameOptions: { action: "deny" },
  referrerPolicy: { policy: "no-referrer" },
});

const IMPORT_UPLOAD_PATH = "/api/v1/imports";

export interface AppOptions extends EngineDeps {
  logger: Logger;
  /** The built runtime app (default: runtime/dist of this checkout, or TESSERA_RUNTIME_DIR). */
  runtimeDir?: string;
  /** The built designer (default: designer/dist of this checkout, or TESSERA_DESIGNER_DIR). */
  designerDir?: string;
  /** Sign-in limits (tests inject a clock); defaults: DEFAULT_LOGIN_THROTTLE. */
  loginThrottle?: Partial<LoginThrottleOptions>;
}

/**
 * The HTTP API (DESIGN section 9). Handlers are thin: parse, call a service, map the result; every
 * failure leaves as application/problem+json.
 */
export const createApp = (deps: AppOptions): Express => {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", parseQuery);
  app.set("trust proxy", false);
  app.use((req, res, next) => {
    const requestId = /^[A-Za-z0-9-]{8,64}$/.test(req.get("x-request-id") ?? "")
      ? String(req.get("x-request-id"))
      : randomUUID();
    res.setHeader("x-request-id", requestId);
    res.locals.requestLog = deps.logger.child({ requestId });
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
  app.use(securityHeaders);
  app.use("/api", (_req, res, next) => {
    // Answers carry tenant data and tokens: no browser or proxy keeps a copy.
    res.setHeader("cache-control", "no-store");
    next();
  });
  app.use((req, res, next) => {
    // express.json leaves a body of any other media type unread, and handlers would take the
    // missing body for an empty one: refuse it instead of guessing.
    const length = Number(req.get("content-length") ?? 0);
    const hasBody = req.get("transfer-encoding") !== undefined || length > 0;
    if (!hasBody || req.is(JSON_MEDIA_TYPES) !== false) return next();
    // The one upload: an import file, streamed to disk by the import routes.
    if (req.method === "POST" && req.path === IMPORT_UPLOAD_PATH && req.is("multipart/form-data") !== false)
      return next();
    return sendProblem(
      res,
      new EngineError(415, "unsupportedMediaType", "The request body must be JSON", [
        { path: "", code: "body.notJson", message: "Send the body with Content-Type: application/json." },
      ]),
    );
  });
  app.use(express.json({ limit: JSON_BODY_LIMIT, strict: true, type: JSON_MEDIA_TYPES }));
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
  app.use("/api/v1/auth", authRoutes(deps, createLoginThrottle(deps.loginThrottle)));
  app.use("/api/v1/metadata", metadataRoutes(deps));
  // Before the record routes: `/records/{object}/export` and `/records/{object}/merge` are not ids.
  app.use("/api/v1/records", exportRoutes(deps));
  app.use("/api/v1", duplicateRoutes(deps));
  app.use("/api/v1/records", recordRoutes(deps));
  app.use("/api/v1", importRoutes(deps));
  app.use("/api/v1", reportRoutes(deps));
  app.use("/api/v1/users", userRoutes(deps));
  app.use("/api/v1/users", apiKeyRoutes(deps));
  app.use("/api/v1/audit", auditRoutes(deps));
  app.use("/api/v1/automation", automationRoutes(deps));
  app.use("/api/v1", workflowRoutes(deps));
  app.use("/api/v1/ui", uiRoutes(deps));
  app.use("/api/v1/plugins", pluginRoutes(deps));
  app.use("/api/v1/packages", packageRoutes(deps));
  app.use("/api/v1", openApiRoutes(deps));
  app.use("/api", (_req, res) => sendProblem(res, new EngineError(404, "notFound", "No such API route")));
  // Read per request: the registry is set at start-up, possibly after the app was made.
  app.use("/plugins", pluginAssets({ dirOf: (name) => activePlugins().dirOf(name) }));
  serveApps(app, deps.runtimeDir, deps.designerDir);
  // Last: every unmatched path answers problem+json too, never express's HTML page.
  app.use((_req, res) => sendProblem(res, new EngineError(404, "notFound", "Not found")));
  app.use(problemHandler(deps.logger));
  return app;
};
