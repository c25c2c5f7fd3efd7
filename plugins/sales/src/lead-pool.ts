import type { PluginContext } from "@tessera/engine";
import type { JsonObject, JsonValue } from "@tessera/metadata";
import { withLeadChanges } from "./lead-changes.js";
import { MESSAGES, say } from "./messages.js";
import { dayOf, daysBefore, idOf, numberOf } from "./record-values.js";

/** Reasons a user may give when returning a lead; `recycled` is the job's own. */
const RETURN_REASONS = ["noResponse", "notInterested", "wrongContact", "duplicate", "other"] as const;

/** Leads still being worked: only these are recycled (qualified leads are about to convert). */
const OPEN_STATUSES = ["new", "working", "nurturing"];

/** The job and the list API return at most this many leads per page. */
const PAGE = 200;

const refuse = (ctx: PluginContext, code: string, message: keyof typeof MESSAGES, path = ""): never =>
  ctx.fail({ path, code: `plugin.sales.${code}`, message: say(ctx.user.locale, MESSAGES[message]) });

/**
 * Gives `lead` to `owner` and sets `values` on it. Ownership first: it is what the caller's rights
 * are checked on (they must own the lead or be above its owner). Should the field update then
 * fail, the lead goes back to the owner it had, so it is never half claimed or half returned.
 */
const moveLead = async (
  ctx: PluginContext,
  lead: JsonObject,
  owner: string,
  values: Readonly<Record<string, JsonValue>>,
): Promise<JsonObject> => {
  const id = String(lead.id);
  const previousOwner = idOf(lead.ownerId);
  const moved = await ctx.records.transfer("lead", id, owner);
  try {
    return await withLeadChanges(id, values, () => ctx.records.update("lead", id, Number(moved.version), {}));
  } catch (error) {
    if (previousOwner !== undefined && previousOwner !== owner)
      await ctx.records.transfer("lead", id, previousOwner).catch(() => undefined);
    throw error;
  }
};

const poolOf = async (ctx: PluginContext, lead: JsonObject): Promise<JsonObject> => {
  const poolId = idOf(lead.pool);
  if (poolId === undefined) return refuse(ctx, "noPool", "noPool", "/pool");
  return ctx.records.get("leadPool", poolId);
};

/** `POST /leads/:id/claim`: the caller takes a lead waiting in a pool they can see. */
export const claimLead = async (ctx: PluginContext, leadId: string): Promise<JsonObject> => {
  const lead = await ctx.records.get("lead", leadId);
  if (lead.poolStatus !== "inPool") return refuse(ctx, "notInPool", "notInPool", "/poolStatus");
  const pool = await poolOf(ctx, lead);
  if (pool.active === false) return refuse(ctx, "poolInactive", "poolInactive", "/pool");
  const limit = numberOf(pool.maxClaimsPerRep);
  if (limit !== undefined) {
    const held = await ctx.records.list("lead", {
      filter: {
        and: [
          { "==": [{ var: "pool" }, String(pool.id)] },
          { "==": [{ var: "poolStatus" }, "claimed"] },
          { "==": [{ var: "ownerId" }, ctx.user.id] },
        ],
      },
      limit: Math.min(limit, PAGE),
    });
    if (held.length >= limit) return refuse(ctx, "claimLimit", "claimLimit");
  }
  return moveLead(ctx, lead, ctx.user.id, {
    poolStatus: "claimed",
    claimedAt: ctx.now().toISOString(),
  });
};

const returnValues = (ctx: PluginContext, lead: JsonObject, reason: string) => ({
  poolStatus: "inPool",
  returnedAt: ctx.now().toISOString(),
  returnReason: reason,
  timesReturned: (numberOf(lead.timesReturned) ?? 0) + 1,
  claimedAt: null,
});

const holderOf = (ctx: PluginContext, pool: JsonObject): string => {
  const holder = idOf(pool.holder);
  // The holder is a required field of the pool; only a caller who may not read it gets here.
  return holder ?? refuse(ctx, "noPool", "noPool", "/pool");
};

/** `POST /leads/:id/return`: the lead's owner (or someone above them) puts it back into its pool. */
export const returnLead = async (
  ctx: PluginContext,
  leadId: string,
  reason: unknown,
): Promise<JsonObject> => {
  const chosen = reason === undefined ? "other" : reason;
  if (typeof chosen !== "string" || !(RETURN_REASONS as readonly string[]).includes(chosen))
    return refuse(ctx, "invalidReason", "invalidReason", "/reason");
  const lead = await ctx.records.get("lead", leadId);
  if (lead.status === "converted") return refuse(ctx, "converted", "convertedLead", "/status");
  if (lead.poolStatus === "inPool") return refuse(ctx, "alreadyInPool", "alreadyInPool", "/poolStatus");
  const pool = await poolOf(ctx, lead);
  return moveLead(ctx, lead, holderOf(ctx, pool), returnValues(ctx, lead, chosen));
};

/** What a recycling pass did: the leads it returned and those it could not. */
export interface RecycleOutcome {
  recycled: string[];
  failed: string[];
}

/**
 * Returns to `pool` every open lead claimed from it that nobody touched for the pool's number of
 * days: no claim, no follow-up date (lastActivityDate, also set by completed activities) since.
 * Runs with the caller's rights: the job's admin sees every lead, a manager only their team's.
 */
export const recyclePool = async (ctx: PluginContext, pool: JsonObject): Promise<RecycleOutcome> => {
  const days = numberOf(pool.recycleAfterDays) ?? 30;
  const cutoff = daysBefore(ctx.now(), days);
  const filter: JsonValue = {
    and: [
      { "==": [{ var: "pool" }, String(pool.id)] },
      { "==": [{ var: "poolStatus" }, "claimed"] },
      { in: [{ var: "status" }, OPEN_STATUSES] },
      { "<": [{ var: "claimedAt" }, cutoff.toISOString()] },
      { or: [{ missing: ["lastActivityDate"] }, { "<": [{ var: "lastActivityDate" }, dayOf(cutoff)] }] },
    ],
  };
  const holder = holderOf(ctx, pool);
  const outcome: RecycleOutcome = { recycled: [], failed: [] };
  const tried = new Set<string>();
  for (;;) {
    const page = await ctx.records.list("lead", { filter, sort: "claimedAt", limit: PAGE });
    // A lead that failed stays in the result: stop once a page brings nothing new.
    const fresh = page.filter((lead) => !tried.has(String(lead.id)));
    for (const lead of fresh) {
      const id = String(lead.id);
      tried.add(id);
      try {
        await moveLead(ctx, lead, holder, returnValues(ctx, lead, "recycled"));
        outcome.recycled.push(id);
      } catch {
        outcome.failed.push(id);
      }
    }
    if (fresh.length === 0 || page.length < PAGE) return outcome;
  }
};

/** `POST /pools/:id/recycle`: recycles one pool now, for whoever may change the pool. */
export const recyclePoolNow = async (ctx: PluginContext, poolId: string): Promise<RecycleOutcome> => {
  const pool = await ctx.records.get("leadPool", poolId);
  // Stamping the pool is the permission check: only its owner, those above and admins may.
  const stamped = await ctx.records.update("leadPool", poolId, Number(pool.version), {
    lastRecycledAt: ctx.now().toISOString(),
  });
  return recyclePool(ctx, stamped);
};

/** The `recycleLeads` job: every active pool, as the tenant's admin. */
export const recycleAllPools = async (ctx: PluginContext): Promise<void> => {
  const pools = await ctx.records.list("leadPool", {
    filter: { "==": [{ var: "active" }, true] },
    limit: PAGE,
  });
  for (const pool of pools) {
    try {
      const outcome = await recyclePool(ctx, pool);
      if (outcome.recycled.length > 0) {
        const current = await ctx.records.get("leadPool", String(pool.id));
        await ctx.records.update("leadPool", String(pool.id), Number(current.version), {
          lastRecycledAt: ctx.now().toISOString(),
        });
      }
    } catch {
      // One broken pool (deleted meanwhile, a holder gone) must not keep the others from recycling.
    }
  }
};
