import type { ClientSession } from "mongodb";
import type { WriteEffects } from "../work-types.js";
import type { WrittenRecord } from "../written-record.js";
import { cancelJobsIn, enqueueJobsIn, removeJobIn } from "./jobs.js";
import type { TenantCollections } from "./tenant-collections.js";
import { replaceWorkItemsIn } from "./work-items.js";

/**
 * Applies a record write's effects with its session, after the record was written: inside a
 * transaction a throw here aborts the record write with them. On a standalone server they are
 * ordered writes after it (see README.md). `written` is absent for deletes.
 */
export const applyEffects = async (
  collections: TenantCollections,
  effects: WriteEffects | undefined,
  written: WrittenRecord | undefined,
  session: ClientSession | undefined,
): Promise<void> => {
  if (effects === undefined) return;
  if (effects.completeJob !== undefined) await removeJobIn(collections, effects.completeJob, session);
  if (effects.cancelJobs !== undefined) await cancelJobsIn(collections, effects.cancelJobs, session);
  if (effects.jobs !== undefined) await enqueueJobsIn(collections, effects.jobs, session);
  if (effects.workItems !== undefined && written !== undefined)
    await replaceWorkItemsIn(collections, written, effects.workItems, session);
};
