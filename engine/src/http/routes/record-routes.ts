import { type Request, Router } from "express";
import { getApproval, presentApproval } from "../../approvals/approval-view.js";
import { isApprovalCommand, runApproval } from "../../approvals/run-approval.js";
import { withDuplicateAlerts } from "../../duplicates/index.js";
import { EngineError, notFound } from "../../errors/engine-error.js";
import type { ListParams } from "../../query/list-params.js";
import { listRecords } from "../../query/list-records.js";
import { createRecord } from "../../records/create-record.js";
import { deleteRecord } from "../../records/delete-record.js";
import { getRecord, recordHistory } from "../../records/read-record.js";
import { listShares, shareRecord, transferOwnership, unshareRecord } from "../../records/record-sharing.js";
import { updateRecord } from "../../records/update-record.js";
import { renderForReader } from "../../templates/render-for-reader.js";
import { type EngineDeps, requestContext } from "../request-context.js";
import { auditedOwnerChange, auditedShare, auditedUnshare } from "./audited-sharing.js";

const LIST_PARAMS = ["filter", "sort", "limit", "cursor", "q", "fields", "count", "scope"] as const;

const listParams = (req: Request): ListParams => {
  const query = req.query as Record<string, string | undefined>;
  const params: ListParams = {};
  for (const key of LIST_PARAMS) if (typeof query[key] === "string") params[key] = query[key];
  return params;
};

/** The version a PATCH or DELETE is based on: `If-Match` (a bare number or a quoted ETag). */
const expectedVersion = (req: Request, required: boolean): number | undefined => {
  const header = req.get("if-match");
  if (header === undefined) {
    if (!required) return undefined;
    throw new EngineError(
      428,
      "precondition.required",
      "Send If-Match with the version you last read, so no change is lost",
      [{ path: "", code: "header.ifMatch", message: "If-Match: <version> is required." }],
    );
  }
  const match = /^(?:W\/)?"?(\d{1,12})"?$/.exec(header.trim());
  if (match?.[1] === undefined) {
    throw new EngineError(400, "badRequest", "If-Match must be a record version", [
      { path: "", code: "header.ifMatch", message: "If-Match must be a version number." },
    ]);
  }
  return Number(match[1]);
};

export const recordRoutes = (deps: EngineDeps): Router => {
  const router = Router();
  router.get("/:object", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json(await listRecords(ctx, String(req.params.object), listParams(req)));
  });
  router.post("/:object", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const record = await createRecord(ctx, String(req.params.object), req.body);
    deps.nudgeJobs?.();
    res
      .status(201)
      .location(`/api/v1/records/${req.params.object}/${record.id}`)
      .set("ETag", `"${record.version}"`)
      .json(withDuplicateAlerts(ctx, record));
  });
  router.get("/:object/:id", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const record = await getRecord(ctx, String(req.params.object), String(req.params.id));
    res.set("ETag", `"${record.version}"`).json(record);
  });
  router.get("/:object/:id/history", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json({ entries: await recordHistory(ctx, String(req.params.object), String(req.params.id)) });
  });
  router.get("/:object/:id/shares", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json({ shares: await listShares(ctx, String(req.params.object), String(req.params.id)) });
  });
  router.post("/:object/:id/shares", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res
      .status(201)
      .json(
        await auditedShare(req, res, ctx, () =>
          shareRecord(ctx, String(req.params.object), String(req.params.id), req.body),
        ),
      );
  });
  router.delete("/:object/:id/shares/:shareId", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    await auditedUnshare(req, res, ctx, () =>
      unshareRecord(ctx, String(req.params.object), String(req.params.id), String(req.params.shareId)),
    );
    res.status(204).end();
  });
  router.post("/:object/:id/owner", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const record = await auditedOwnerChange(req, res, ctx, () =>
      transferOwnership(ctx, String(req.params.object), String(req.params.id), req.body),
    );
    res.set("ETag", `"${record.version}"`).json(record);
  });
  router.get("/:object/:id/render/:template", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const rendered = await renderForReader(
      ctx,
      String(req.params.object),
      String(req.params.id),
      String(req.params.template),
    );
    if (req.query.format === "html" && rendered.template.output === "html") {
      // Admin-authored markup, shown on our origin: sandboxed, no scripts, no requests out.
      res
        .set(
          "Content-Security-Policy",
          "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
        )
        .type("html")
        .send(rendered.body);
      return;
    }
    res.json({
      template: rendered.template.name,
      purpose: rendered.template.purpose,
      output: rendered.template.output,
      ...(rendered.subject !== undefined && { subject: rendered.subject }),
      body: rendered.body,
      text: rendered.text,
    });
  });
  router.get("/:object/:id/approval", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json(await getApproval(ctx, String(req.params.object), String(req.params.id)));
  });
  router.post("/:object/:id/approval/:command", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const command = String(req.params.command);
    if (!isApprovalCommand(command)) throw notFound("No such approval command");
    const { record } = await runApproval(
      ctx,
      String(req.params.object),
      String(req.params.id),
      command,
      req.body,
    );
    deps.nudgeJobs?.();
    res.set("ETag", `"${record.version}"`).json(await presentApproval(ctx, record));
  });
  router.patch("/:object/:id", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const version = expectedVersion(req, true) as number;
    const record = await updateRecord(
      ctx,
      String(req.params.object),
      String(req.params.id),
      version,
      req.body,
    );
    deps.nudgeJobs?.();
    res.set("ETag", `"${record.version}"`).json(withDuplicateAlerts(ctx, record));
  });
  router.delete("/:object/:id", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    await deleteRecord(ctx, String(req.params.object), String(req.params.id), expectedVersion(req, false));
    res.status(204).end();
  });
  return router;
};
