import type { JsonObject, JsonValue } from "@tessera/metadata";
import type { RecordSystemFields, StoredRecord } from "../store-port.js";
import { SYSTEM_COLUMNS, SYSTEM_FIELD_NAMES } from "./field-access.js";

/** A record table row as selected by RECORD_COLUMNS. */
export interface RecordRow {
  id: string;
  version: number;
  owner_id: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  data: string;
}

export const RECORD_COLUMNS =
  "id, version, owner_id, created_at, created_by, updated_at, updated_by, json(data) AS data";

const SYSTEM_NAMES: ReadonlySet<string> = new Set(SYSTEM_FIELD_NAMES);

/**
 * The stored record of a row; with `fields`, only those field values (system fields always).
 * Built with Object.fromEntries, so a key such as `__proto__` stays data and never a prototype.
 */
export const recordOfRow = (row: RecordRow, fields?: readonly string[]): StoredRecord => {
  const values = JSON.parse(row.data) as JsonObject;
  const entries: Array<[string, JsonValue]> =
    fields === undefined
      ? Object.entries(values)
      : fields
          .filter((field) => !SYSTEM_NAMES.has(field) && Object.hasOwn(values, field))
          .map((field) => [field, values[field] as JsonValue]);
  const system: RecordSystemFields = {
    id: row.id,
    version: row.version,
    ownerId: row.owner_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
  return Object.fromEntries([...Object.entries(system), ...entries]) as StoredRecord;
};

/** The bound values of a record's row, in the order of SYSTEM_COLUMNS then `data` (JSON text). */
export const rowValuesOf = (record: StoredRecord): Array<string | number> => {
  for (const field of SYSTEM_FIELD_NAMES) {
    const kind = SYSTEM_COLUMNS[field].valueKind;
    if (typeof record[field] !== kind) throw new TypeError(`Record system field ${field} must be a ${kind}`);
  }
  if (!Number.isSafeInteger(record.version) || record.version < 1) {
    throw new RangeError("Record version must be a positive integer");
  }
  const data = Object.fromEntries(Object.entries(record).filter(([key]) => !SYSTEM_NAMES.has(key)));
  return [...SYSTEM_FIELD_NAMES.map((field) => record[field]), JSON.stringify(data)];
};

/** Column names in the order of rowValuesOf. */
export const ROW_COLUMNS = [...SYSTEM_FIELD_NAMES.map((field) => SYSTEM_COLUMNS[field].column), "data"];
