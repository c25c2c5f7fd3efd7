import type { JsonObject, JsonValue } from "@tessera/metadata";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import type { StoredRecord } from "../store/store-port.js";
import { referencedObjectOf } from "./check-references.js";
import type { RecordContext } from "./record-context.js";
import { visibleNames } from "./visible-names.js";

const SYSTEM_KEYS = ["id", "version", "ownerId", "createdAt", "createdBy", "updatedAt", "updatedBy"] as const;

/** A lookup as the API shows it: the id, and the name when the user may see it. */
export interface ReferenceValue {
  id: string;
  name?: string;
}

/**
 * Display names of referenced records, by object then id. A name is only returned when the user
 * can read the referenced record and its name field: display names must not leak what field-level
 * security or sharing hides.
 */
const referenceNames = async (
  ctx: RecordContext,
  object: CompiledObject,
  records: readonly StoredRecord[],
  fields: ReadonlySet<string>,
): Promise<Map<string, Map<string, string>>> => {
  const wanted = new Map<string, Set<string>>();
  for (const field of object.references) {
    if (!fields.has(field.name)) continue;
    const target = referencedObjectOf(field);
    for (const record of records) {
      const id = record[field.name];
      if (typeof id === "string") wanted.set(target, (wanted.get(target) ?? new Set()).add(id));
    }
  }
  const names = new Map<string, Map<string, string>>();
  for (const [target, ids] of wanted) names.set(target, await visibleNames(ctx, target, ids));
  return names;
};

/**
 * Records as the API returns them: system fields, the fields the user may read (optionally only
 * `only`), and lookups as `{id, name}`.
 */
export const presentRecords = async (
  ctx: RecordContext,
  object: CompiledObject,
  records: readonly StoredRecord[],
  only?: ReadonlySet<string>,
): Promise<JsonObject[]> => {
  const readable = ctx.access.readableFields(object.name);
  const fields = new Set([...readable].filter((f) => only === undefined || only.has(f)));
  const names = await referenceNames(ctx, object, records, fields);
  const references = new Map(object.references.map((f) => [f.name, referencedObjectOf(f)]));
  return records.map((record) => {
    const out: JsonObject = {};
    for (const key of SYSTEM_KEYS) out[key] = record[key];
    for (const field of fields) {
      const value = record[field];
      if (value === undefined) continue;
      const target = references.get(field);
      if (target !== undefined && typeof value === "string") {
        const name = names.get(target)?.get(value);
        const shown: ReferenceValue = name === undefined ? { id: value } : { id: value, name };
        out[field] = shown as unknown as JsonValue;
      } else {
        out[field] = value;
      }
    }
    return out;
  });
};

export const presentRecord = async (
  ctx: RecordContext,
  object: CompiledObject,
  record: StoredRecord,
): Promise<JsonObject> => (await presentRecords(ctx, object, [record]))[0] as JsonObject;
