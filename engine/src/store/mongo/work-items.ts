import type { ClientSession, Filter } from "mongodb";
import { checkedLimit } from "../list-limit.js";
import type { WorkItem } from "../work-types.js";
import type { WrittenRecord } from "../written-record.js";
import { expectString } from "./expect-string.js";
import type { TenantCollections, WorkItemDocument } from "./tenant-collections.js";

/** A user's items oldest first; the rest of the unique key makes the order total. */
export const USER_ITEM_SORT = { since: 1, object: 1, recordId: 1, step: 1 } as const;
/** A record's items by `since`, user and step. */
export const RECORD_ITEM_SORT = { since: 1, userId: 1, step: 1 } as const;

/**
 * The documents replacing the work items of `written`: each names the written record, and of
 * items for the same user and step the last counts (the key is unique).
 */
export const workItemDocuments = (written: WrittenRecord, items: readonly WorkItem[]): WorkItemDocument[] => {
  const byKey = new Map<string, WorkItemDocument>();
  for (const item of items) {
    byKey.set(JSON.stringify([item.userId, item.step]), {
      object: written.object,
      recordId: written.recordId,
      userId: expectString(item.userId, "Work item user"),
      step: expectString(item.step, "Work item step"),
      requestId: item.requestId,
      since: item.since,
    });
  }
  return [...byKey.values()];
};

export const workItemFromDocument = (document: WorkItemDocument): WorkItem => ({
  object: document.object,
  recordId: document.recordId,
  userId: document.userId,
  requestId: document.requestId,
  step: document.step,
  since: document.since,
});

export const recordItemsSelection = (object: string, recordId: string): Filter<WorkItemDocument> => ({
  object: { $eq: expectString(object, "Object") },
  recordId: { $eq: expectString(recordId, "Record id") },
});

export const removeWorkItemsIn = async (
  collections: TenantCollections,
  object: string,
  recordId: string,
  session: ClientSession | undefined,
): Promise<void> => {
  await collections.workItems.deleteMany(recordItemsSelection(object, recordId), { session });
};

export const replaceWorkItemsIn = async (
  collections: TenantCollections,
  written: WrittenRecord,
  items: readonly WorkItem[],
  session: ClientSession | undefined,
): Promise<void> => {
  const documents = workItemDocuments(written, items);
  await removeWorkItemsIn(collections, written.object, written.recordId, session);
  if (documents.length > 0) await collections.workItems.insertMany(documents, { session });
};

export const listWorkItems = async (
  collections: TenantCollections,
  userId: string,
  options: { limit: number },
): Promise<WorkItem[]> => {
  const limit = checkedLimit(options.limit, "Work item");
  // A limit of 0 means "no limit" to MongoDB.
  if (limit === 0) return [];
  const documents = await collections.workItems
    .find({ userId: { $eq: expectString(userId, "User id") } }, { sort: USER_ITEM_SORT, limit })
    .toArray();
  return documents.map(workItemFromDocument);
};

export const workItemsOf = async (
  collections: TenantCollections,
  object: string,
  recordId: string,
): Promise<WorkItem[]> => {
  const documents = await collections.workItems
    .find(recordItemsSelection(object, recordId), { sort: RECORD_ITEM_SORT })
    .toArray();
  return documents.map(workItemFromDocument);
};
