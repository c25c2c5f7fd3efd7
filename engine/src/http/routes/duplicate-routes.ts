import { Router } from "express";
import {
  checkDuplicates,
  getDuplicateJob,
  listDuplicateGroups,
  listDuplicateJobs,
  listMerges,
  mergeRecords,
  startDuplicateJob,
  undoMerge,
} from "../../duplicates/index.js";
import { type EngineDeps, requestContext } from "../request-context.js";

const queryText = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** Duplicate search and merge (mounted at /api/v1, before the record routes). */
export const duplicateRoutes = (deps: EngineDeps): Router => {
  const router = Router();
  router.post("/records/:object/merge", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const merged = await mergeRecords(ctx, String(req.params.object), req.body);
    deps.nudgeJobs?.();
    res.set("ETag", `"${String(merged.survivor.version)}"`).json(merged);
  });
  router.post("/duplicates/check/:object", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json(await checkDuplicates(ctx, String(req.params.object), req.body));
  });
  router.post("/duplicates/jobs", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const job = await startDuplicateJob(ctx, req.body);
    deps.nudgeJobs?.();
    res
      .status(202)
      .location(`/api/v1/duplicates/jobs/${String(job.id)}`)
      .json(job);
  });
  router.get("/duplicates/jobs", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json({ jobs: await listDuplicateJobs(ctx, queryText(req.query.object)) });
  });
  router.get("/duplicates/jobs/:id", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json(await getDuplicateJob(ctx, String(req.params.id)));
  });
  router.get("/duplicates/jobs/:id/groups", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const limit = queryText(req.query.limit);
    const cursor = queryText(req.query.cursor);
    res.json(
      await listDuplicateGroups(ctx, String(req.params.id), {
        ...(limit !== undefined && { limit }),
        ...(cursor !== undefined && { cursor }),
      }),
    );
  });
  router.get("/merges", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json({ merges: await listMerges(ctx, queryText(req.query.object)) });
  });
  router.post("/merges/:id/undo", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const undone = await undoMerge(ctx, String(req.params.id));
    deps.nudgeJobs?.();
    res.json(undone);
  });
  return router;
};
