import { descriptorOf, type JsonObject, type JsonValue } from "@tessera/metadata";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import type { HistoryEntry } from "../store/store-port.js";

const same = (a: JsonValue | undefined, b: JsonValue | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * History entries for the fields a write changed: who, when, old and new value. Values users enter
 * are tracked; computed values follow from them and are not. A new record gets one `_created` entry.
 */
export const historyEntries = (
  object: CompiledObject,
  recordId: string,
  before: JsonObject | undefined,
  after: JsonObject,
  version: number,
  changedAt: string,
  changedBy: string,
): HistoryEntry[] => {
  const base = { object: object.name, recordId, version, changedAt, changedBy };
  if (before === undefined) return [{ ...base, field: "_created", oldValue: null, newValue: null }];
  if (object.definition.trackHistory === false) return [];
  const entries: HistoryEntry[] = [];
  for (const field of object.fields.values()) {
    if (descriptorOf(field).source !== "input") continue;
    const oldValue = before[field.name];
    const newValue = after[field.name];
    if (!same(oldValue, newValue))
      entries.push({ ...base, field: field.name, oldValue: oldValue ?? null, newValue: newValue ?? null });
  }
  return entries;
};
