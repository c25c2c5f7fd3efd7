import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Request, Router } from "express";
import {
  cancelImport,
  deleteImport,
  deleteMapping,
  dryRunImport,
  errorReportLines,
  importsRoot,
  importView,
  listImports,
  listSavedMappings,
  loadOwnImport,
  saveImportSettings,
  saveMapping,
  startImport,
  uploadImport,
} from "../../imports/index.js";
import { type EngineDeps, requestContext } from "../request-context.js";
import { pageQuery } from "./page-query.js";

const param = (req: Request, name: string): string => String(req.params[name] ?? "");
const queryText = (req: Request, name: string): string | undefined => {
  const value = (req.query as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
};

/**
 * Imports of CSV and XLSX files (contract: issue 9): upload, mapping, dry run, run, cancel, the
 * error report, and saved mappings. Each import is its owner's alone.
 */
export const importRoutes = (deps: EngineDeps): Router => {
  const router = Router();
  const root = importsRoot(deps.dataDir);

  router.post("/imports", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const view = await uploadImport(ctx, root, req.headers, req);
    res.status(201).location(`/api/v1/imports/${view.id}`).json(view);
  });
  router.get("/imports", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const page = pageQuery(req);
    const object = queryText(req, "object");
    res.json(await listImports(ctx, { ...page, ...(object !== undefined && { object }) }));
  });
  router.get("/imports/:id", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const entry = await loadOwnImport(ctx, param(req, "id"));
    // A running import continues in slices, each a job: while someone watches it, its next slice
    // starts now rather than at the worker's next poll.
    if (entry.state.status === "running") deps.nudgeJobs?.();
    res.json(importView(entry.id, entry.state));
  });
  router.delete("/imports/:id", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    await deleteImport(ctx, root, param(req, "id"));
    res.status(204).end();
  });
  router.put("/imports/:id/settings", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json(await saveImportSettings(ctx, param(req, "id"), req.body));
  });
  router.post("/imports/:id/dry-run", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json(await dryRunImport(ctx, root, param(req, "id")));
  });
  router.post("/imports/:id/run", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const view = await startImport(ctx, param(req, "id"));
    deps.nudgeJobs?.();
    res.status(202).json(view);
  });
  router.post("/imports/:id/cancel", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json(await cancelImport(ctx, param(req, "id")));
  });
  router.get("/imports/:id/errors.csv", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const { id, state } = await loadOwnImport(ctx, param(req, "id"));
    res
      .status(200)
      .type("text/csv; charset=utf-8")
      .set("content-disposition", `attachment; filename="import-${id}-errors.csv"`);
    await pipeline(Readable.from(errorReportLines(ctx.store, id, state.headers)), res);
  });

  router.get("/import-mappings", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json({ mappings: await listSavedMappings(ctx, queryText(req, "object")) });
  });
  router.put("/import-mappings/:name", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json(await saveMapping(ctx, param(req, "name"), req.body));
  });
  router.delete("/import-mappings/:name", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    await deleteMapping(ctx, param(req, "name"), queryText(req, "object"));
    res.status(204).end();
  });
  return router;
};
