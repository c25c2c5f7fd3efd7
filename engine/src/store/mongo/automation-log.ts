import type { JsonObject } from "@tessera/metadata";
import type { Filter } from "mongodb";
import { checkedLimit } from "../list-limit.js";
import type { AutomationLogEntry, LogQuery } from "../work-types.js";
import { expectString } from "./expect-string.js";
import { insertUnlessExists } from "./insert-unless-exists.js";
import type { LogDocument, TenantCollections } from "./tenant-collections.js";

/** Newest first: ids are ULIDs. */
export const LOG_SORT = { _id: -1 } as const;

export const logToDocument = (entry: AutomationLogEntry): LogDocument => ({
  _id: expectString(entry.id, "Log entry id"),
  at: entry.at,
  kind: entry.kind,
  ...(entry.name !== undefined && { name: entry.name }),
  ...(entry.object !== undefined && { object: entry.object }),
  ...(entry.recordId !== undefined && { recordId: entry.recordId }),
  status: entry.status,
  message: entry.message,
  ...(entry.details !== undefined && { details: JSON.stringify(entry.details) }),
});

export const logFromDocument = (document: LogDocument): AutomationLogEntry => ({
  id: document._id,
  at: document.at,
  kind: document.kind,
  ...(document.name !== undefined && { name: document.name }),
  ...(document.object !== undefined && { object: document.object }),
  ...(document.recordId !== undefined && { recordId: document.recordId }),
  status: document.status,
  message: document.message,
  ...(document.details !== undefined && { details: JSON.parse(document.details) as JsonObject }),
});

export const logSelection = (query: Pick<LogQuery, "before" | "kind">): Filter<LogDocument> => ({
  ...(query.kind !== undefined && {
    kind: { $eq: expectString(query.kind, "Log kind") as LogQuery["kind"] },
  }),
  ...(query.before !== undefined && { _id: { $lt: expectString(query.before, "Cursor") } }),
});

/** An entry whose id exists is skipped: a retried job logs its outcome once. */
export const appendLog = async (collections: TenantCollections, entry: AutomationLogEntry): Promise<void> => {
  await collections.automationLog.bulkWrite([insertUnlessExists(logToDocument(entry))]);
};

export const listLog = async (
  collections: TenantCollections,
  query: LogQuery,
): Promise<AutomationLogEntry[]> => {
  const limit = checkedLimit(query.limit, "Log");
  // A limit of 0 means "no limit" to MongoDB.
  if (limit === 0) return [];
  const documents = await collections.automationLog
    .find(logSelection(query), { sort: LOG_SORT, limit })
    .toArray();
  return documents.map(logFromDocument);
};
