import { isPlainObject } from "@tessera/metadata";
import { Router } from "express";
import { approvalInbox } from "../../approvals/approval-view.js";
import { badRequest, type ProblemDetail } from "../../errors/engine-error.js";
import { type EngineDeps, requestContext } from "../request-context.js";
import { pageOf, pageQuery } from "./page-query.js";

const MAX_READ_IDS = 500;

const escapePointer = (token: string) => token.replace(/~/g, "~0").replace(/\//g, "~1");

/** The body of POST /notifications/read: `{}` (every notification) or `{ids: [...]}`. */
const readIds = (body: unknown): string[] | undefined => {
  const errors: ProblemDetail[] = [];
  if (!isPlainObject(body)) {
    errors.push({ path: "", code: "body.notAnObject", message: "Send {} or {ids: [...]}." });
  } else {
    for (const key of Object.keys(body)) {
      if (key !== "ids")
        errors.push({ path: `/${escapePointer(key)}`, code: "unknown", message: `Unknown member "${key}".` });
    }
    const ids = body.ids;
    if (ids !== undefined && (!Array.isArray(ids) || ids.length > MAX_READ_IDS)) {
      errors.push({
        path: "/ids",
        code: "body.ids",
        message: `ids is a list of at most ${MAX_READ_IDS} notification ids.`,
      });
    } else if (Array.isArray(ids)) {
      ids.forEach((id, i) => {
        if (typeof id !== "string" || id.length > 40)
          errors.push({ path: `/ids/${i}`, code: "body.ids", message: "A notification id is text." });
      });
    }
  }
  if (errors.length > 0) throw badRequest("Send {} to mark every notification read, or {ids: [...]}", errors);
  return (body as { ids?: string[] }).ids;
};

/** The signed-in user's approvals inbox and notifications. */
export const workflowRoutes = (deps: EngineDeps): Router => {
  const router = Router();
  router.get("/approvals/inbox", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    res.json(await approvalInbox(ctx, pageQuery(req, 100).limit));
  });
  router.get("/notifications", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const query = pageQuery(req);
    const unreadOnly = req.query.unread === "true";
    const items = await ctx.store.listNotifications(ctx.actor.userId, {
      ...query,
      limit: query.limit + 1,
      unreadOnly,
    });
    const { page, nextCursor } = pageOf(items, query.limit);
    res.json({
      notifications: page,
      unread: await ctx.store.countUnreadNotifications(ctx.actor.userId),
      nextCursor,
    });
  });
  router.post("/notifications/read", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const ids = readIds(req.body ?? {});
    const marked = await ctx.store.markNotificationsRead(ctx.actor.userId, new Date().toISOString(), ids);
    res.json({ marked, unread: await ctx.store.countUnreadNotifications(ctx.actor.userId) });
  });
  return router;
};
