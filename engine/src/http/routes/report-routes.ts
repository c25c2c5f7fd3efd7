import { Router } from "express";
import {
  getDashboard,
  listDashboards,
  listReports,
  resetDashboardLayout,
  runReport,
  saveDashboardLayout,
} from "../../reports/index.js";
import { type EngineDeps, requestContext } from "../request-context.js";

/** Reports (their results within the caller's access) and dashboards with personal layouts. */
export const reportRoutes = (deps: EngineDeps): Router => {
  const router = Router();
  router.get("/reports", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json({ reports: listReports(ctx) });
  });
  router.get("/reports/:name/results", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json(await runReport(ctx, String(req.params.name)));
  });
  router.get("/dashboards", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json({ dashboards: listDashboards(ctx) });
  });
  router.get("/dashboards/:name", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json(await getDashboard(ctx, String(req.params.name)));
  });
  router.put("/dashboards/:name/layout", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json(await saveDashboardLayout(ctx, String(req.params.name), req.body));
  });
  router.delete("/dashboards/:name/layout", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json(await resetDashboardLayout(ctx, String(req.params.name)));
  });
  return router;
};
