import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import express, { type Express } from "express";

/** Where the built runtime app is: `TESSERA_RUNTIME_DIR`, else `runtime/dist` of this checkout. */
export const runtimeDir = (env: NodeJS.ProcessEnv = process.env): string =>
  env.TESSERA_RUNTIME_DIR ?? fileURLToPath(new URL("../../../runtime/dist", import.meta.url));

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Tessera</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>Tessera</h1><p>The API is running, but the runtime app is not built. Run <code>npm run build</code>
(or <code>npm install</code>, which builds it) and reload.</p></body></html>`;

/**
 * Serves the runtime app at `/`: hashed assets cached for a year, every other GET that is not an
 * API call answered with index.html so the app's own routes (`/o/opportunity/...`) work on reload.
 */
export const serveApps = (app: Express, dir = runtimeDir()): void => {
  const index = `${dir}/index.html`;
  app.use("/assets", express.static(`${dir}/assets`, { immutable: true, maxAge: "365d", index: false }));
  app.use(express.static(dir, { index: false, maxAge: "1h" }));
  app.get(/^\/(?!api\/|api$|healthz$).*/, (req, res, next) => {
    // Browsers navigating ask for text/html; API clients (Accept: */* or JSON) get problem+json 404s.
    if (req.accepts(["json", "html"]) !== "html") return next();
    res.set("Cache-Control", "no-cache");
    if (existsSync(index)) res.sendFile(index);
    else res.status(503).type("html").send(NOT_BUILT);
  });
};
