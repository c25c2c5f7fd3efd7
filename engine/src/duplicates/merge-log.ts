import type { JsonObject } from "@tessera/metadata";
import type { StoredRecord, TenantStore } from "../store/store-port.js";

/** Entries collection of merges; ids are `<object>:<ULID>`, so one object's merges list newest first. */
export const MERGES = "merges";

/** A related record a merge pointed at the survivor: what undo points back. */
export interface MovedReference {
  object: string;
  id: string;
  field: string;
  /** The merged record it pointed at. */
  from: string;
}

/** One merge, as kept for history and undo. */
export interface MergeEntry {
  object: string;
  survivorId: string;
  mergedIds: string[];
  at: string;
  by: string;
  /** "moving" until every step is done; an interrupted merge stays "moving" (and cannot be undone). */
  state: "moving" | "done" | "undone";
  /** The survivor as it was before the merge (all values, system fields included). */
  survivorBefore: StoredRecord;
  /** The survivor's version once the merge was done: undo refuses when it changed since. */
  survivorVersion?: number;
  /** The merged records as they were, in full: undo restores them with the same ids. */
  merged: StoredRecord[];
  moved: MovedReference[];
  undoneAt?: string;
  undoneBy?: string;
}

export const mergeEntryId = (object: string, ulid: string): string => `${object}:${ulid}`;

export const readMerge = async (store: TenantStore, id: string) => {
  const entry = await store.getEntry(MERGES, id);
  return entry === undefined
    ? undefined
    : { revision: entry.revision, merge: entry.body as unknown as MergeEntry };
};

export const writeMerge = (store: TenantStore, id: string, merge: MergeEntry, ifRevision?: number) =>
  store.putEntry(MERGES, id, merge as unknown as JsonObject, ifRevision === undefined ? {} : { ifRevision });

/** A merge as the API lists it (snapshots stay in the log). */
export const presentMerge = (id: string, merge: MergeEntry): JsonObject => ({
  id,
  object: merge.object,
  survivorId: merge.survivorId,
  mergedIds: merge.mergedIds,
  at: merge.at,
  by: merge.by,
  state: merge.state,
  ...(merge.undoneAt !== undefined && { undoneAt: merge.undoneAt }),
});
