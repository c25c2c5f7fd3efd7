import { readFile, realpath } from "node:fs/promises";
import { join, sep } from "node:path";
import { isPlainObject, isSafePackagePath } from "@tessera/metadata";
import { Router } from "express";
import { notFound } from "../errors/engine-error.js";
import { sendProblem } from "./problem-response.js";

/** Where the packages of the server's plugins folder are on disk (the plugin registry). */
export interface PluginDirectory {
  dirOf(name: string): string | undefined;
}

/** `./widgets/stars.js` and `widgets/stars.js` name the same file. */
const normalEntry = (entry: string): string => entry.replace(/^\.\//, "");

/**
 * The widget entries the package's manifest.json on disk declares. The folder's manifest, not a
 * tenant's copy: these files are the server's code, public like the runtime's own scripts.
 */
const declaredEntries = async (dir: string): Promise<ReadonlySet<string>> => {
  const manifest: unknown = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
  const widgets = isPlainObject(manifest) && Array.isArray(manifest.widgets) ? manifest.widgets : [];
  const entries = new Set<string>();
  for (const widget of widgets) {
    if (isPlainObject(widget) && typeof widget.entry === "string" && isSafePackagePath(widget.entry)) {
      entries.add(normalEntry(widget.entry));
    }
  }
  return entries;
};

/** The file `entry` names inside `dir`, unless a link leads it out of the package. */
const fileInside = async (dir: string, entry: string): Promise<string | undefined> => {
  const [root, file] = await Promise.all([realpath(dir), realpath(join(dir, entry))]);
  return file.startsWith(`${root}${sep}`) ? file : undefined;
};

/**
 * `GET /plugins/<package>/<entry>`: the browser modules of package widgets, for the runtime's
 * `import()` (same origin, so the CSP's `script-src 'self'` allows them). Only a file the
 * package's manifest declares as a widget `entry` is served, of a package in the plugins folder;
 * everything else under /plugins is a 404. Revalidated on every load (`no-cache`), so a deployed
 * upgrade is picked up without stale copies.
 */
export const pluginAssets = (plugins: PluginDirectory): Router => {
  const router = Router();
  router.get("/:package/*entry", async (req, res, next) => {
    try {
      const name = String(req.params.package);
      const segments: unknown = req.params.entry;
      const entry = Array.isArray(segments) ? segments.join("/") : "";
      const dir = plugins.dirOf(name);
      if (dir === undefined || !isSafePackagePath(entry) || entry.endsWith("/")) return next();
      if (!(await declaredEntries(dir)).has(normalEntry(entry))) return next();
      const file = await fileInside(dir, entry);
      if (file === undefined) return next();
      const code = await readFile(file);
      res.set("cache-control", "no-cache").type("text/javascript").send(code);
    } catch {
      // A missing file or an unreadable manifest: the module is not there.
      next();
    }
  });
  router.use((_req, res) => sendProblem(res, notFound("No such plugin file")));
  return router;
};
