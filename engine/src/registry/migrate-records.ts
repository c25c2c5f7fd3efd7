import { coerceFieldValue, type JsonValue, type ObjectDefinition } from "@tessera/metadata";
import type { HistoryEntry, StoredRecord, TenantStore } from "../store/store-port.js";
import type { DocumentChange } from "./change-set.js";
import { scanRecords } from "./data-impact.js";

const CONVERTING = new Set([
  "typeChanged",
  "optionsRemoved",
  "maxLengthReduced",
  "removed",
  "referenceChanged",
]);

const convert = (
  object: ObjectDefinition,
  field: string,
  change: string,
  value: JsonValue,
): JsonValue | undefined => {
  if (change === "removed" || change === "referenceChanged") return undefined;
  const target = object.fields.find((f) => f.name === field);
  if (target === undefined) return undefined;
  const coerced = coerceFieldValue(target, value);
  if (!coerced.ok || coerced.value === null) return undefined;
  if (target.type === "picklist" || target.type === "multiPicklist") {
    const allowed = new Set(target.options.map((o) => o.value));
    const values = Array.isArray(coerced.value) ? coerced.value : [coerced.value];
    if (!values.every((v) => allowed.has(String(v)))) return undefined;
  }
  return coerced.value;
};

/**
 * Brings stored records in line with a newly published version: values of changed field types are
 * converted, values that cannot convert and values of removed fields are cleared (so a field
 * re-created later under the same name starts empty). Each record is one conditioned write with
 * its history; a record changed concurrently is re-read and converted again.
 */
export const migrateRecords = async (
  store: TenantStore,
  objects: readonly ObjectDefinition[],
  changes: readonly DocumentChange[],
  actor: string,
  now: () => Date,
): Promise<number> => {
  let rewritten = 0;
  for (const change of changes) {
    const object = objects.find((o) => o.name === change.name);
    if (change.kind !== "object" || object === undefined) continue;
    const fields = (change.fields ?? []).filter((f) => CONVERTING.has(f.change));
    if (fields.length === 0) continue;
    for await (const original of scanRecords(store, object.name)) {
      for (
        let attempt = 0, record: StoredRecord | undefined = original;
        attempt < 5 && record !== undefined;
        attempt += 1
      ) {
        const next: StoredRecord = { ...record, version: record.version + 1 };
        const stamp = now().toISOString();
        const history: HistoryEntry[] = [];
        for (const fc of fields) {
          const value = record[fc.field];
          if (value === undefined) continue;
          const converted = convert(object, fc.field, fc.change, value);
          if (JSON.stringify(converted) === JSON.stringify(value)) continue;
          if (converted === undefined) delete next[fc.field];
          else next[fc.field] = converted;
          if (fc.change !== "removed") {
            history.push({
              object: object.name,
              recordId: record.id,
              field: fc.field,
              oldValue: value,
              newValue: converted ?? null,
              version: next.version,
              changedAt: stamp,
              changedBy: actor,
            });
          }
        }
        if (JSON.stringify(next) === JSON.stringify({ ...record, version: record.version + 1 })) break;
        next.updatedAt = stamp;
        next.updatedBy = actor;
        if (await store.updateRecord(object.name, next, record.version, history)) {
          rewritten += 1;
          break;
        }
        record = await store.getRecord(object.name, record.id);
      }
    }
  }
  return rewritten;
};
