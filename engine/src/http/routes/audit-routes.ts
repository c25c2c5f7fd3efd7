import { type Request, Router } from "express";
import { badRequest, forbidden, type ProblemDetail } from "../../errors/engine-error.js";
import { AUDIT_EVENT_TYPES, isAuditEventType } from "../../security/audit.js";
import type { AuditQuery } from "../../store/store-port.js";
import { type EngineDeps, requestContext } from "../request-context.js";

const MAX_LIMIT = 200;
const DEFAULT_LIMIT = 50;
const EVENT_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** `?limit=&cursor=&type=`, each checked: a bad value is a 400 naming it, never a store query. */
const auditQuery = (req: Request): Required<Pick<AuditQuery, "limit">> & AuditQuery => {
  const query = req.query as Record<string, string | undefined>;
  const errors: ProblemDetail[] = [];
  const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
  if (!/^\d{1,4}$/.test(query.limit ?? "50") || limit < 1 || limit > MAX_LIMIT)
    errors.push({
      path: "/limit",
      code: "query.limit",
      message: `limit is a number from 1 to ${MAX_LIMIT}.`,
    });
  if (query.cursor !== undefined && !EVENT_ID.test(query.cursor))
    errors.push({
      path: "/cursor",
      code: "query.cursor",
      message: "cursor is the nextCursor of a previous page.",
    });
  if (query.type !== undefined && !isAuditEventType(query.type))
    errors.push({
      path: "/type",
      code: "query.type",
      message: `type is one of ${AUDIT_EVENT_TYPES.join(", ")}.`,
    });
  if (errors.length > 0) throw badRequest("The audit query is not valid", errors);
  return {
    limit,
    ...(query.cursor !== undefined && { before: query.cursor }),
    ...(query.type !== undefined && { type: query.type }),
  };
};

/** The tenant's security events, newest first, for those who administer data or users. */
export const auditRoutes = (deps: EngineDeps): Router => {
  const router = Router();
  router.get("/", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    if (!ctx.access.system.modifyAllData && !ctx.access.manageUsers)
      throw forbidden("Reading the audit log needs the modifyAllData or manageUsers permission");
    const query = auditQuery(req);
    // One more than asked for tells whether another page follows without a second query.
    const events = await ctx.store.listAudit({ ...query, limit: query.limit + 1 });
    const page = events.slice(0, query.limit);
    res.json({
      events: page,
      nextCursor: events.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
    });
  });
  return router;
};
