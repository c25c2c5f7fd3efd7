import type { JsonValue } from "@tessera/metadata";
import type { SortKey, StoredRecord } from "./store-port.js";

/**
 * The keyset cursor (`RecordQuery.after`) that continues a listing after `record`: the record's
 * value of each sort key (null when it has none), then its id. Own properties only; a dotted key
 * walks nested objects as filters do.
 */
export const cursorOf = (record: StoredRecord, sort: readonly SortKey[]): JsonValue[] => [
  ...sort.map((key) => valueAt(record, key.field)),
  record.id,
];

const valueAt = (record: StoredRecord, field: string): JsonValue => {
  let current: unknown = record;
  for (const segment of field.split(".")) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return null;
    if (!Object.hasOwn(current, segment)) return null;
    current = (current as Record<string, unknown>)[segment];
  }
  return current === undefined ? null : (current as JsonValue);
};
