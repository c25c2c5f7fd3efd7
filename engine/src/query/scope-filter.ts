import type { FilterNode, Role } from "@tessera/metadata";
import type { RecordContext } from "../records/record-context.js";
import { rolesBelow } from "../security/role-hierarchy.js";
import { usersWithRoles } from "../security/user-directory.js";
import type { ListScope } from "./list-params.js";

/**
 * The owners a list scope keeps: `mine` the caller, `team` the caller and every user whose role is
 * below theirs (as a list view's "My team's records"). A narrowing only: sharing still applies.
 */
export const scopeFilter = async (ctx: RecordContext, scope: ListScope): Promise<FilterNode | undefined> => {
  if (scope === "all") return undefined;
  const me = ctx.actor.userId;
  if (scope === "mine") return { op: "compare", field: "ownerId", operator: "==", value: me };
  const role = (await ctx.store.getRecord("user", me))?.role;
  const roles = ctx.metadata.documents.filter((d): d is Role => d.kind === "role");
  const below = typeof role === "string" ? [...rolesBelow(roles, role)] : [];
  const team = below.length === 0 ? [] : await usersWithRoles(ctx.store, below);
  return { op: "in", field: "ownerId", values: [...new Set([me, ...team])] };
};
