import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import express, { type Express, type RequestHandler } from "express";

/** Where the built runtime app is: `TESSERA_RUNTIME_DIR`, else `runtime/dist` of this checkout. */
export const runtimeDir = (env: NodeJS.ProcessEnv = process.env): string =>
  env.TESSERA_RUNTIME_DIR ?? fileURLToPath(new URL("../../../runtime/dist", import.meta.url));

/** Where the built designer is: `TESSERA_DESIGNER_DIR`, else `designer/dist` of this checkout. */
export const designerDir = (env: NodeJS.ProcessEnv = process.env): string =>
  env.TESSERA_DESIGNER_DIR ?? fileURLToPath(new URL("../../../designer/dist", import.meta.url));

const notBuilt = (app: string) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>Tessera</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>Tessera</h1><p>The API is running, but the ${app} is not built. Run <code>npm run build</code>
(or <code>npm install</code>, which builds it) and reload.</p></body></html>`;

/** index.html for a browser's navigation (Accept: text/html); API clients fall through to a 404. */
const indexPage =
  (dir: string, app: string): RequestHandler =>
  (req, res, next) => {
    if (req.accepts(["json", "html"]) !== "html") return next();
    const index = `${dir}/index.html`;
    res.set("Cache-Control", "no-cache");
    if (existsSync(index)) res.sendFile(index);
    else res.status(503).type("html").send(notBuilt(app));
  };

/** One built single-page app: hashed assets cached for a year, other files for an hour. */
const serveBuilt = (app: Express, base: string, dir: string): void => {
  app.use(
    `${base}/assets`,
    express.static(`${dir}/assets`, { immutable: true, maxAge: "365d", index: false }),
  );
  app.use(base === "" ? "/" : base, express.static(dir, { index: false, maxAge: "1h" }));
};

/**
 * Serves the designer at `/designer` and the runtime app at `/`: every GET of a page that is not an
 * API call is answered with the app's index.html, so the apps' own routes (`/o/opportunity/...`,
 * `/designer/objects/...`) work on reload.
 */
export const serveApps = (app: Express, dir = runtimeDir(), designer = designerDir()): void => {
  serveBuilt(app, "/designer", designer);
  app.get(/^\/designer(\/.*)?$/, indexPage(designer, "designer"));
  serveBuilt(app, "", dir);
  app.get(/^\/(?!api\/|api$|healthz$).*/, indexPage(dir, "runtime app"));
};
