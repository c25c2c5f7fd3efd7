import type { Request, Response } from "express";
import type { Logger } from "pino";
import type { RecordContext } from "../records/record-context.js";
import { type AuditNote, type AuditScope, audit } from "../security/audit.js";
import type { TenantStore } from "../store/store-port.js";

/** The request's logger (create-app puts it in `res.locals`), bound to its request id. */
export const requestLog = (res: Response): Logger => res.locals.requestLog as Logger;

/** The client address as the socket sees it ("trust proxy" is off: headers are not believed). */
export const clientIp = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? "unknown";

/** The scope of an event raised by a signed-in request. */
export const scopeOf = (req: Request, ctx: RecordContext): AuditScope => ({
  store: ctx.store,
  now: ctx.now,
  actor: ctx.actor,
  ip: clientIp(req),
});

/** The scope of an event raised before anyone is signed in (sign-in itself). */
export const anonymousScope = (req: Request, store: TenantStore): AuditScope => ({
  store,
  now: () => new Date(),
  ip: clientIp(req),
});

/**
 * Records the event of a change that has already happened. If the audit log cannot take it, the
 * failure is logged as an error with the request id and the event (never silently dropped), and
 * the request still answers with its result: the change is committed, and answering 500 would
 * tell the client it failed when it did not. Sign-in uses `audit` directly and fails closed.
 */
export const auditAfterChange = async (res: Response, scope: AuditScope, note: AuditNote): Promise<void> => {
  try {
    await audit(scope, note);
  } catch (error) {
    requestLog(res).error(
      { err: error, audit: { ...note, actorId: scope.actor?.userId, ip: scope.ip } },
      "audit event not recorded",
    );
  }
};

/**
 * A user as the target of an event: id and username, read without field security (the event is
 * for administrators, and the caller's right to act on the user is already established).
 */
export const userTarget = async (
  store: TenantStore,
  id: string,
): Promise<{ target: NonNullable<AuditNote["target"]>; profile?: string; role?: string }> => {
  const user = await store.getRecord("user", id);
  const text = (key: string) => (typeof user?.[key] === "string" ? (user[key] as string) : undefined);
  const name = text("username");
  const profile = text("profile");
  const role = text("role");
  return {
    target: { object: "user", id, ...(name !== undefined && { name }) },
    ...(profile !== undefined && { profile }),
    ...(role !== undefined && { role }),
  };
};
