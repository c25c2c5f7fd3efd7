import type { JsonValue } from "@tessera/metadata";
import type { Document } from "mongodb";
import type { StoredRecord } from "../store-port.js";
import { documentKey } from "./document-fields.js";

/**
 * A record as a MongoDB document: `id` becomes `_id`, every other field a top-level key, and
 * `LOWER_CASE_KEY` holds the lower case of each string value that has upper-case letters.
 */
export interface RecordDocument {
  _id: string;
  [key: string]: unknown;
}

/**
 * The key of the document's lower-case copies: `{"name": "Éclair", "__lower": {"name": "éclair"}}`.
 * Filters ignore case through String.prototype.toLowerCase, which no MongoDB operator matches
 * (the `i` regex option folds case per character: "Σ" at the end of a word lowers to "ς", "İ" to
 * "i̇"); so the copies are made here, in JavaScript, and matched case-sensitively. A string whose
 * lower case is itself (most ids, Chinese) has no copy. Never a field name: those start with a
 * letter or with one underscore.
 */
export const LOWER_CASE_KEY = "__lower";

/**
 * The document of a record. Every key passes `documentKey`, so a record can never carry an
 * operator-like or dotted key, nor `__lower`, into the database.
 */
export const recordToDocument = (record: StoredRecord): RecordDocument => {
  const document: RecordDocument = { _id: record.id };
  const lower: Record<string, string> = {};
  for (const [field, value] of Object.entries(record)) {
    if (value === undefined) continue;
    const key = documentKey(field);
    if (key !== "_id") document[key] = value;
    if (typeof value === "string" && value.toLowerCase() !== value) lower[key] = value.toLowerCase();
  }
  if (Object.keys(lower).length > 0) document[LOWER_CASE_KEY] = lower;
  return document;
};

/** The record of a document read back (all of it, or the projected part). */
export const documentToRecord = (document: Document | RecordDocument): StoredRecord => {
  const record: Record<string, JsonValue> = { id: document._id as string };
  for (const [key, value] of Object.entries(document)) {
    if (key !== "_id" && key !== LOWER_CASE_KEY) record[key] = value as JsonValue;
  }
  return record as StoredRecord;
};
