import type { Request } from "express";
import { badRequest, type ProblemDetail } from "../../errors/engine-error.js";

const MAX_LIMIT = 200;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export interface PageQuery {
  limit: number;
  before?: string;
}

/** `?limit=&cursor=` of a newest-first list keyed by ULIDs; a bad value is a 400 naming it. */
export const pageQuery = (req: Request, defaultLimit = 50): PageQuery => {
  const query = req.query as Record<string, string | undefined>;
  const errors: ProblemDetail[] = [];
  const limit = query.limit === undefined ? defaultLimit : Number(query.limit);
  if ((query.limit !== undefined && !/^\d{1,4}$/.test(query.limit)) || limit < 1 || limit > MAX_LIMIT)
    errors.push({
      path: "/limit",
      code: "query.limit",
      message: `limit is a number from 1 to ${MAX_LIMIT}.`,
    });
  // Cursors are ids we handed out (ULIDs, optionally with a suffix of digits).
  if (query.cursor !== undefined && !ULID.test(query.cursor.split("-")[0] ?? ""))
    errors.push({
      path: "/cursor",
      code: "query.cursor",
      message: "cursor is the nextCursor of a previous page.",
    });
  if (errors.length > 0) throw badRequest("The query is not valid", errors);
  return { limit, ...(query.cursor !== undefined && { before: query.cursor }) };
};

/** One more than asked for tells whether another page follows without a second query. */
export const pageOf = <T extends { id: string }>(items: readonly T[], limit: number) => {
  const page = items.slice(0, limit);
  return { page, nextCursor: items.length > limit ? (page[page.length - 1]?.id ?? null) : null };
};
