import type { JsonValue } from "@tessera/metadata";
import type { HistoryEntry } from "../store-port.js";
import type { HistoryDocument } from "./tenant-collections.js";

/** `position`: the entry's place among those of one write, which all share a version. */
export const historyToDocument = (entry: HistoryEntry, position: number): HistoryDocument => ({
  object: entry.object,
  recordId: entry.recordId,
  field: entry.field,
  oldValue: entry.oldValue ?? null,
  newValue: entry.newValue ?? null,
  version: entry.version,
  changedAt: entry.changedAt,
  changedBy: entry.changedBy,
  position,
});

export const documentToHistory = (document: HistoryDocument): HistoryEntry => ({
  object: document.object,
  recordId: document.recordId,
  field: document.field,
  oldValue: document.oldValue as JsonValue,
  newValue: document.newValue as JsonValue,
  version: document.version,
  changedAt: document.changedAt,
  changedBy: document.changedBy,
});
