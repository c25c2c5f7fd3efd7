import type { AssignOwnerAction, JsonObject } from "@tessera/metadata";
import type { RecordContext } from "../records/record-context.js";
import { truthy } from "../records/rule-data.js";
import { activeUserNamed, activeUsersAmong, membersOfGroup } from "../security/user-directory.js";
import type { CompiledAutomation } from "./compiled-automation.js";

const activeMembers = async (ctx: RecordContext, group: string): Promise<string[]> =>
  activeUsersAmong(ctx.store, [...(await membersOfGroup(ctx.store, group))].sort());

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
      return owner === undefined ? undefined : activeUserNamed(ctx.store, owner);
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
