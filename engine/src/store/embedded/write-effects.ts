import type { WriteEffects } from "../work-types.js";
import type { WrittenRecord } from "../written-record.js";
import { cancelJobsIn, enqueueJobsIn, removeJobIn } from "./jobs.js";
import type { TenantDatabase } from "./tenant-database.js";
import { replaceWorkItemsIn } from "./work-items.js";

/**
 * Applies a record write's effects inside its transaction, after the record was written: a throw
 * here rolls the record write back with them. `written` is absent for deletes (checkEffects
 * refused work items for them already).
 */
export const applyEffects = (
  tdb: TenantDatabase,
  effects: WriteEffects | undefined,
  written: WrittenRecord | undefined,
): void => {
  if (effects === undefined) return;
  if (effects.completeJob !== undefined) removeJobIn(tdb, effects.completeJob);
  if (effects.cancelJobs !== undefined) cancelJobsIn(tdb, effects.cancelJobs);
  if (effects.jobs !== undefined) enqueueJobsIn(tdb, effects.jobs);
  if (effects.workItems !== undefined && written !== undefined)
    replaceWorkItemsIn(tdb, written, effects.workItems);
};
