import type { JsonObject } from "@tessera/metadata";
import type { Filter, UpdateFilter } from "mongodb";
import { entryBodyJson, entryKey, expectedRevision, prefixUpperBound } from "../entry-keys.js";
import { checkedLimit } from "../list-limit.js";
import type { Entry, EntryQuery } from "../store-port.js";
import { duplicateKeyOf } from "./duplicate-key.js";
import type { EntryDocument, TenantCollections } from "./tenant-collections.js";

export const entryFromDocument = (document: EntryDocument): Entry => ({
  collection: document.collection,
  id: document.id,
  revision: document.revision,
  body: JSON.parse(document.body) as JsonObject,
  updatedAt: document.updatedAt,
});

/** The one entry (collection, id); both checked to be strings, so neither can be an operator. */
export const entrySelection = (collection: string, id: string): Filter<EntryDocument> => ({
  collection: { $eq: entryKey(collection, "Collection") },
  id: { $eq: entryKey(id, "Entry id") },
});

/** The entry at exactly `revision`: the condition of a conditional write. */
export const revisionSelection = (
  collection: string,
  id: string,
  revision: number,
): Filter<EntryDocument> => ({
  ...entrySelection(collection, id),
  revision: { $eq: revision },
});

/** The next revision of an entry: 1 when the write inserts it (`$inc` from nothing). */
export const entryUpdate = (body: JsonObject, at: string): UpdateFilter<EntryDocument> => ({
  $set: { body: entryBodyJson(body), updatedAt: at },
  $inc: { revision: 1 },
});

export const newEntryDocument = (
  collection: string,
  id: string,
  body: JsonObject,
  at: string,
): EntryDocument => ({
  collection: entryKey(collection, "Collection"),
  id: entryKey(id, "Entry id"),
  revision: 1,
  body: entryBodyJson(body),
  updatedAt: at,
});

/** Ids starting with `prefix`, as an index range on (collection, id). */
const idRange = (prefix: string): Record<string, string> => {
  if (prefix === "") return {};
  const bound = prefixUpperBound(prefix);
  return bound === undefined ? { $gte: prefix } : { $gte: prefix, $lt: bound };
};

/**
 * The entries of a collection a list or a bulk delete reads; `after` only with a list's order. The
 * cursor is a condition of its own: as a second `$lt` it would replace the prefix's upper bound.
 */
export const entriesSelection = (
  collection: string,
  query: Pick<EntryQuery, "prefix" | "after" | "order">,
): Filter<EntryDocument> => {
  const ids: Array<Filter<EntryDocument>> = [];
  const range = idRange(entryKey(query.prefix ?? "", "Entry prefix", true));
  if (Object.keys(range).length > 0) ids.push({ id: range });
  if (query.after !== undefined)
    ids.push({ id: { [query.order === "asc" ? "$gt" : "$lt"]: entryKey(query.after, "Entry cursor") } });
  return {
    collection: { $eq: entryKey(collection, "Collection") },
    ...(ids.length === 1 ? ids[0] : ids.length > 1 ? { $and: ids } : {}),
  };
};

export const entriesSort = (order: EntryQuery["order"]): { id: 1 | -1 } => ({ id: order === "asc" ? 1 : -1 });

export const getEntry = async (
  collections: TenantCollections,
  collection: string,
  id: string,
): Promise<Entry | undefined> => {
  const document = await collections.entries.findOne(entrySelection(collection, id));
  return document === null ? undefined : entryFromDocument(document);
};

/** Each write is one single-document operation, conditioned on the revision when asked. */
export const putEntry = async (
  collections: TenantCollections,
  collection: string,
  id: string,
  body: JsonObject,
  options: { ifRevision?: number; at?: string },
): Promise<boolean> => {
  const at = options.at ?? new Date().toISOString();
  const revision = expectedRevision(options.ifRevision);
  if (revision === 0) {
    try {
      await collections.entries.insertOne(newEntryDocument(collection, id, body, at));
      return true;
    } catch (error) {
      if (duplicateKeyOf(error) !== undefined) return false;
      throw error;
    }
  }
  if (revision !== undefined) {
    const result = await collections.entries.updateOne(
      revisionSelection(collection, id, revision),
      entryUpdate(body, at),
    );
    return result.matchedCount === 1;
  }
  const upsert = () =>
    collections.entries.updateOne(entrySelection(collection, id), entryUpdate(body, at), { upsert: true });
  try {
    await upsert();
  } catch (error) {
    // Two upserts of a new entry race on the unique index; the loser's retry updates the winner's.
    if (duplicateKeyOf(error) === undefined) throw error;
    await upsert();
  }
  return true;
};

export const deleteEntry = async (
  collections: TenantCollections,
  collection: string,
  id: string,
): Promise<boolean> =>
  (await collections.entries.deleteOne(entrySelection(collection, id))).deletedCount === 1;

export const listEntries = async (
  collections: TenantCollections,
  collection: string,
  query: EntryQuery,
): Promise<Entry[]> => {
  const limit = checkedLimit(query.limit, "Entry");
  const selection = entriesSelection(collection, query);
  // A limit of 0 means "no limit" to MongoDB.
  if (limit === 0) return [];
  const documents = await collections.entries
    .find(selection, { sort: entriesSort(query.order), limit })
    .toArray();
  return documents.map(entryFromDocument);
};

export const deleteEntries = async (
  collections: TenantCollections,
  collection: string,
  prefix: string,
): Promise<number> =>
  (
    await collections.entries.deleteMany(
      entriesSelection(collection, { prefix: entryKey(prefix, "Entry prefix", true) }),
    )
  ).deletedCount;
