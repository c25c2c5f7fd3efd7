import type { FilterNode } from "@tessera/metadata";
import type { Document, Filter } from "mongodb";
import type { HistoryEntry, RecordPage, RecordQuery, StoredRecord, SummaryOperation } from "../store-port.js";
import { documentKey } from "./document-fields.js";
import { filterToMongo, missing } from "./filter-to-mongo.js";
import { documentToHistory } from "./history-documents.js";
import { keysetCondition, sortSpec } from "./keyset.js";
import type { ObjectStorage } from "./object-storage.js";
import { documentToRecord, type RecordDocument } from "./record-document.js";
import type { TenantCollections } from "./tenant-collections.js";

const SYSTEM_KEYS = [
  "_id",
  "version",
  "ownerId",
  "createdAt",
  "createdBy",
  "updatedAt",
  "updatedBy",
] as const;

export const getRecord = async (
  storage: ObjectStorage,
  object: string,
  id: string,
): Promise<StoredRecord | undefined> => {
  const document = await (await storage.records(object)).findOne({ _id: { $eq: text(id) } });
  return document === null ? undefined : documentToRecord(document);
};

/** The records of `ids` that exist, in the order of `ids` (each once). */
export const getRecords = async (
  storage: ObjectStorage,
  object: string,
  ids: readonly string[],
): Promise<StoredRecord[]> => {
  const wanted = [...new Set(ids.map(text))];
  if (wanted.length === 0) return [];
  const documents = await (await storage.records(object)).find({ _id: { $in: wanted } }).toArray();
  const byId = new Map(documents.map((document) => [document._id, documentToRecord(document)]));
  return wanted.flatMap((id) => byId.get(id) ?? []);
};

export const findRecords = async (
  storage: ObjectStorage,
  object: string,
  query: RecordQuery,
): Promise<RecordPage> => {
  if (!Number.isSafeInteger(query.limit) || query.limit < 0)
    throw new RangeError("limit must be a non-negative integer");
  const conditions: Filter<Document>[] = [];
  if (query.filter !== undefined) conditions.push(filterToMongo(query.filter));
  if (query.search !== undefined) conditions.push(searchCondition(query.search));
  if (query.after !== undefined) conditions.push(keysetCondition(query.sort, query.after));
  const records = await storage.records(object);
  const documents = await records
    .find(allOf(conditions), {
      sort: sortSpec(query.sort),
      // One more than asked for tells whether another page follows.
      limit: query.limit + 1,
      ...(query.fields === undefined ? {} : { projection: projection(query.fields) }),
    })
    .toArray();
  return {
    records: documents.slice(0, query.limit).map(documentToRecord),
    hasMore: documents.length > query.limit,
  };
};

export const countRecords = async (
  storage: ObjectStorage,
  object: string,
  filter?: FilterNode,
): Promise<number> =>
  (await storage.records(object)).countDocuments(allOf(filter === undefined ? [] : [filterToMongo(filter)]));

/**
 * count/sum/min/max/avg over the records matching `filter`. `count` counts records, or with a
 * field the records having a value for it; the others take numbers only (never booleans or
 * numeric strings) and are null when no matching record has one.
 */
export const summarize = async (
  storage: ObjectStorage,
  object: string,
  operation: SummaryOperation,
  field: string | undefined,
  filter?: FilterNode,
): Promise<number | null> => {
  const records = await storage.records(object);
  const matching = filter === undefined ? {} : filterToMongo(filter);
  if (field === undefined) {
    if (operation !== "count") throw new RangeError(`${operation} needs a field`);
    return records.countDocuments(allOf([matching]));
  }
  const key = documentKey(field);
  if (operation === "count") return records.countDocuments(allOf([matching, { $nor: [missing(key)] }]));
  const numbers = allOf([matching, { [key]: { $type: "number", $not: { $type: "array" } } }]);
  const [result] = await records
    .aggregate<{ value: number | null }>([
      { $match: numbers },
      { $group: { _id: null, value: { [`$${operation}`]: `$${key}` } } },
    ])
    .toArray();
  return result?.value ?? null;
};

/** Field history of one record, newest first. */
export const readHistory = async (
  collections: TenantCollections,
  object: string,
  recordId: string,
  limit: number | undefined,
): Promise<HistoryEntry[]> => {
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
    throw new RangeError("History limit must be a non-negative integer");
  }
  if (limit === 0) return [];
  const documents = await collections.history
    .find(
      { object: { $eq: text(object) }, recordId: { $eq: text(recordId) } },
      { sort: { version: -1, position: -1 }, ...(limit === undefined ? {} : { limit }) },
    )
    .toArray();
  return documents.map(documentToHistory);
};

/** Case-insensitive substring of `text` in any of `fields`: the `contains` of a filter. */
const searchCondition = (search: NonNullable<RecordQuery["search"]>): Filter<Document> =>
  filterToMongo({
    op: "or",
    children: search.fields.map((field) => ({ op: "contains", field, value: search.text })),
  });

/** System fields always, then the fields asked for. */
const projection = (fields: readonly string[]): Document => {
  const keys: Document = {};
  for (const key of SYSTEM_KEYS) keys[key] = 1;
  for (const field of fields) keys[documentKey(field)] = 1;
  return keys;
};

/** The conjunction, as a filter of record documents (whose `_id` is a string, not an ObjectId). */
const allOf = (conditions: readonly Filter<Document>[]): Filter<RecordDocument> => {
  const real = conditions.filter((condition) => Object.keys(condition).length > 0);
  if (real.length === 0) return {};
  return (real.length === 1 ? real[0] : { $and: real }) as Filter<RecordDocument>;
};

// Ids and names arrive typed as strings, but from the HTTP edge: an object here would be an operator.
const text = (value: unknown): string => {
  if (typeof value === "string") return value;
  throw new TypeError("Expected a string");
};
