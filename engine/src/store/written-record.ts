import type { WriteEffects } from "./work-types.js";

/** The record a write is about: the work items of its effects replace this record's. */
export interface WrittenRecord {
  object: string;
  recordId: string;
}

/**
 * Refuses, before anything is written, work items naming another record than the written one;
 * deleteRecords (no `written`) takes none, as it removes its targets' work items itself.
 */
export const checkEffects = (effects: WriteEffects | undefined, written: WrittenRecord | undefined): void => {
  const items = effects?.workItems ?? [];
  if (written === undefined) {
    if (items.length > 0) throw new RangeError("Deleting records takes no work items");
    return;
  }
  for (const item of items) {
    if (item.object !== written.object || item.recordId !== written.recordId)
      throw new RangeError("A work item of a write must name the written record");
  }
};
