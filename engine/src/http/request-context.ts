import { isLocale } from "@tessera/metadata";
import type { Request, Response } from "express";
import { EngineError, unauthorized } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import type { MetadataCache } from "../registry/metadata-cache.js";
import { computeAccessPolicy } from "../security/compute-access-policy.js";
import { tenantOfToken } from "../security/session-token.js";
import { authenticateToken } from "../security/sign-in.js";
import { type Store, StoreError, type TenantStore } from "../store/store-port.js";
import { isTenantName } from "../store/tenant-name.js";
import { auditAfterChange, scopeOf, userTarget } from "./audit-request.js";

export interface EngineDeps {
  store: Store;
  cache: MetadataCache;
  /** Tells the job worker that new work may be due now (it also polls). */
  nudgeJobs?: () => void;
  /** The server's data dir: uploaded import files live under `<dataDir>/imports`. */
  dataDir?: string;
}

const bearer = (req: Request): string => {
  const header = req.get("authorization") ?? "";
  const match = /^Bearer ([A-Za-z0-9._~-]{10,200})$/.exec(header);
  if (match?.[1] === undefined) throw unauthorized();
  return match[1];
};

/** The tenant's store; an unknown tenant is answered like wrong credentials (401), never 404. */
export const openTenant = async (deps: EngineDeps, tenant: string): Promise<TenantStore> => {
  // The store throws a RangeError for a malformed name (e.g. a token's prefix, "../x"): that is a
  // wrong tenant too, not a server failure.
  if (!isTenantName(tenant)) throw new EngineError(401, "auth.invalid", "Wrong tenant, username or password");
  try {
    return await deps.store.tenant(tenant);
  } catch (error) {
    if (error instanceof StoreError)
      throw new EngineError(401, "auth.invalid", "Wrong tenant, username or password");
    throw error;
  }
};

/**
 * Authenticates the request and builds its context: the tenant from the token (the only way a
 * request reaches a tenant), the current metadata version, the user and their access.
 */
export const requestContext = async (
  deps: EngineDeps,
  req: Request,
  res: Response,
): Promise<RecordContext> => {
  const cached = res.locals.tesseraContext as RecordContext | undefined;
  if (cached !== undefined) return cached;
  const token = bearer(req);
  const tenant = tenantOfToken(token);
  if (tenant === undefined) throw unauthorized();
  const store = await openTenant(deps, tenant);
  const user = await authenticateToken(store, token);
  const metadata = await deps.cache.current(store);
  if (metadata === undefined)
    throw new EngineError(503, "tenant.notReady", "This tenant has no published metadata yet");
  const locale = isLocale(user.locale) ? user.locale : "en";
  const ctx: RecordContext = {
    store,
    metadata,
    actor: { userId: user.id, username: String(user.username), tenant },
    access: await computeAccessPolicy(store, metadata, user),
    locale,
    now: () => new Date(),
    events: {
      userDeactivated: async (userId) => {
        const { target } = await userTarget(store, userId);
        await auditAfterChange(res, scopeOf(req, ctx), { type: "user.deactivated", target });
      },
    },
  };
  res.locals.tesseraContext = ctx;
  return ctx;
};
