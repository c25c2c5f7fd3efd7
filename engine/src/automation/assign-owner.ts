import type { AssignOwnerAction, JsonObject } from "@tessera/metadata";
import type { RecordContext } from "../records/record-context.js";
import { truthy } from "../records/rule-data.js";
import { membersOfGroup } from "../security/user-directory.js";
import type { CompiledAutomation } from "./compiled-automation.js";

/** The id of the active user named `username`, if any. */
export const activeUserNamed = async (
  ctx: Pick<RecordContext, "store">,
  username: string,
): Promise<string | undefined> => {
  const page = await ctx.store.findRecords("user", {
    filter: { op: "compare", field: "username", operator: "==", value: username },
    sort: [],
    limit: 1,
    fields: ["active"],
  });
  const user = page.records[0];
  return user === undefined || user.active === false ? undefined : user.id;
};

const activeMembers = async (ctx: RecordContext, group: string): Promise<string[]> => {
  const ids = [...new Set(await membersOfGroup(ctx.store, group))].sort();
  if (ids.length === 0) return [];
  const users = await ctx.store.getRecords("user", ids);
  const active = new Set(users.filter((u) => u.active !== false).map((u) => u.id));
  return ids.filter((id) => active.has(id));
};

/**
 * The new owner an assignOwner action picks; undefined when no rule matches or the group has no
 * active member. Round-robin keeps its position per automation in the tenant's settings (two
 * simultaneous assignments may pick the same member: fairness over time, not a strict sequence).
 */
export const assignOwner = async (
  ctx: RecordContext,
  automation: CompiledAutomation,
  index: number,
  action: AssignOwnerAction,
  data: JsonObject,
): Promise<string | undefined> => {
  if (action.strategy === "rules") {
    const rules = automation.assignmentRules[index] ?? [];
    for (const [r, when] of rules.entries()) {
      if (!truthy(when(data))) continue;
      const owner = action.rules[r]?.owner;
      return owner === undefined ? undefined : activeUserNamed(ctx, owner);
    }
    return undefined;
  }
  const members = await activeMembers(ctx, action.group);
  if (members.length === 0) return undefined;
  const key = `roundRobin.${automation.definition.name}.${index}`;
  const position = await ctx.store.getSetting(key);
  const next = typeof position === "number" && Number.isInteger(position) ? position : 0;
  await ctx.store.putSetting(key, next + 1);
  return members[next % members.length];
};
