import type { AfterSaveHook } from "@tessera/engine";
import { dayOf, idOf, textOf } from "./record-values.js";

/**
 * A completed activity (a task marked completed) on a lead is a follow-up: the lead's last
 * activity date moves to the day it was completed, which keeps a claimed lead from being recycled.
 */
export const touchLeadOnActivity: AfterSaveHook = async (event, ctx) => {
  const task = event.record;
  if (task.status !== "completed" || event.previous?.status === "completed") return;
  const leadId = idOf(task.relatedLead);
  if (leadId === undefined) return;
  const day = textOf(task.completedAt)?.slice(0, 10) ?? dayOf(ctx.now());
  const lead = await ctx.records.get("lead", leadId);
  const last = textOf(lead.lastActivityDate);
  if (last !== undefined && last >= day) return;
  await ctx.records.update("lead", leadId, Number(lead.version), { lastActivityDate: day });
};
