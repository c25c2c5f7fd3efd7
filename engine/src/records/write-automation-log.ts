import type { AutomationLogEntry } from "../store/work-types.js";
import type { RecordContext } from "./record-context.js";

/**
 * Appends what automations did during a write, after the write: the log explains, it does not
 * decide, so a failure to log never undoes the user's change (it is reported to the server log).
 */
export const writeAutomationLog = async (
  ctx: RecordContext,
  entries: readonly AutomationLogEntry[],
): Promise<void> => {
  for (const entry of entries) {
    try {
      await ctx.store.appendLog(entry);
    } catch (error) {
      console.error("automation log write failed", error);
    }
  }
};
