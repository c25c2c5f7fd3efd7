import { type Request, Router } from "express";
import { type ExportRequest, prepareExport } from "../../exports/index.js";
import { auditAfterChange, requestLog, scopeOf } from "../audit-request.js";
import { type EngineDeps, requestContext } from "../request-context.js";

const EXPORT_PARAMS = ["format", "view", "filter", "sort", "q", "fields", "scope"] as const;

const exportRequest = (req: Request): ExportRequest => {
  const query = req.query as Record<string, string | undefined>;
  const request: ExportRequest = {};
  for (const key of EXPORT_PARAMS) if (typeof query[key] === "string") request[key] = query[key];
  return request;
};

/**
 * `GET /records/{object}/export`: the records the caller may see as a file. Everything that can
 * be refused is refused (problem+json) before the response starts; once it has started, a
 * failure can only cut the download short, so the connection is dropped and the file arrives
 * incomplete rather than looking whole. Every export is audited with its row count, also a
 * cut-short one: those rows have left the server.
 */
export const exportRoutes = (deps: EngineDeps): Router => {
  const router = Router();
  router.get("/:object/export", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const request = exportRequest(req);
    const prepared = await prepareExport(ctx, String(req.params.object), request);
    res.status(200).set({
      "content-type": prepared.contentType,
      "content-disposition": prepared.contentDisposition,
    });
    // Express answers HEAD with the GET route: the headers say what a GET would send, no rows leave.
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    let complete = false;
    try {
      await prepared.writeTo(res);
      complete = true;
    } catch (error) {
      requestLog(res).warn({ err: error, object: prepared.object }, "export cut short");
      if (!res.destroyed) res.destroy();
    }
    await auditAfterChange(res, scopeOf(req, ctx), {
      type: "records.exported",
      target: { object: prepared.object },
      details: {
        format: prepared.format,
        rows: prepared.rows,
        complete,
        ...(request.view !== undefined && request.view !== "" && { view: request.view }),
      },
    });
  });
  return router;
};
