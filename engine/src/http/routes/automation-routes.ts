import { isPlainObject } from "@tessera/metadata";
import { type Request, type Response, Router } from "express";
import { badRequest, forbidden, invalid } from "../../errors/engine-error.js";
import {
  allowlistProblems,
  rotateWebhookSecret,
  setWebhookAllowlist,
  webhookAllowlist,
  webhookSecret,
} from "../../jobs/webhook-settings.js";
import type { RecordContext } from "../../records/record-context.js";
import type { AutomationLogEntry, EmailStatus } from "../../store/work-types.js";
import { auditAfterChange, scopeOf } from "../audit-request.js";
import { type EngineDeps, requestContext } from "../request-context.js";
import { pageOf, pageQuery } from "./page-query.js";

const LOG_KINDS: ReadonlyArray<AutomationLogEntry["kind"]> = [
  "automation",
  "approval",
  "webhook",
  "email",
  "notification",
];
const EMAIL_STATUSES: readonly EmailStatus[] = ["held", "queued", "sent", "failed"];

/** Reading what automations did is for administrators (modify all data or manage metadata). */
const adminContext = async (deps: EngineDeps, req: Request, res: Response): Promise<RecordContext> => {
  const ctx = await requestContext(deps, req, res);
  if (!ctx.access.system.modifyAllData && !ctx.access.manageMetadata)
    throw forbidden("This needs the modifyAllData or manageMetadata permission");
  return ctx;
};

const oneOf = <T extends string>(value: unknown, allowed: readonly T[], name: string): T | undefined => {
  if (value === undefined) return undefined;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw badRequest("The query is not valid", [
    { path: `/${name}`, code: `query.${name}`, message: `${name} is one of ${allowed.join(", ")}.` },
  ]);
};

/** The automation log, the e-mail outbox, pending jobs and webhook settings of the tenant. */
export const automationRoutes = (deps: EngineDeps): Router => {
  const router = Router();
  router.get("/log", async (req, res) => {
    const ctx = await adminContext(deps, req, res);
    const query = pageQuery(req);
    const kind = oneOf(req.query.kind, LOG_KINDS, "kind");
    const entries = await ctx.store.listLog({ ...query, limit: query.limit + 1, ...(kind && { kind }) });
    const { page, nextCursor } = pageOf(entries, query.limit);
    res.json({ entries: page, nextCursor });
  });
  router.get("/outbox", async (req, res) => {
    const ctx = await adminContext(deps, req, res);
    const query = pageQuery(req);
    const status = oneOf(req.query.status, EMAIL_STATUSES, "status");
    const emails = await ctx.store.listEmails({
      ...query,
      limit: query.limit + 1,
      ...(status && { status }),
    });
    const { page, nextCursor } = pageOf(emails, query.limit);
    res.json({ emails: page, nextCursor });
  });
  router.get("/jobs", async (req, res) => {
    const ctx = await adminContext(deps, req, res);
    const kind = typeof req.query.kind === "string" ? req.query.kind.slice(0, 40) : undefined;
    res.json({ jobs: await ctx.store.listJobs({ limit: pageQuery(req, 100).limit, ...(kind && { kind }) }) });
  });
  router.get("/settings", async (req, res) => {
    const ctx = await adminContext(deps, req, res);
    res.json({ webhookAllowlist: await webhookAllowlist(ctx.store) });
  });
  router.put("/settings", async (req, res) => {
    const ctx = await adminContext(deps, req, res);
    if (!ctx.access.manageMetadata) throw forbidden("Changing webhook settings needs manageMetadata");
    const body: unknown = req.body;
    if (!isPlainObject(body) || Object.keys(body).some((k) => k !== "webhookAllowlist")) {
      throw invalid("Send {webhookAllowlist: [...]}", [
        {
          path: "",
          code: "body.shape",
          message: "The body is {webhookAllowlist: [hosts, IPs or CIDR ranges]}.",
        },
      ]);
    }
    const problems = allowlistProblems(body.webhookAllowlist);
    if (problems.length > 0) throw invalid("The allow-list is not valid", problems);
    const entries = body.webhookAllowlist as string[];
    await setWebhookAllowlist(ctx.store, entries);
    await auditAfterChange(res, scopeOf(req, ctx), {
      type: "webhooks.settingsChanged",
      details: { webhookAllowlist: entries },
    });
    res.json({ webhookAllowlist: await webhookAllowlist(ctx.store) });
  });
  router.get("/webhook-secret", async (req, res) => {
    const ctx = await adminContext(deps, req, res);
    if (!ctx.access.manageMetadata) throw forbidden("Reading the webhook secret needs manageMetadata");
    res.set("Cache-Control", "no-store").json({ secret: await webhookSecret(ctx.store) });
  });
  router.post("/webhook-secret", async (req, res) => {
    const ctx = await adminContext(deps, req, res);
    if (!ctx.access.manageMetadata) throw forbidden("Rotating the webhook secret needs manageMetadata");
    const secret = await rotateWebhookSecret(ctx.store);
    await auditAfterChange(res, scopeOf(req, ctx), { type: "webhooks.secretRotated" });
    res.status(201).set("Cache-Control", "no-store").json({ secret });
  });
  return router;
};
