import type { JsonObject, JsonValue } from "@tessera/metadata";
import type {
  DraftDocument,
  HistoryEntry,
  IndexSpec,
  PublishedVersion,
  Session,
  SortKey,
  StorageSchema,
  StoredRecord,
} from "../../../engine/src/store/store-port.js";

/** A fixed instant for system timestamps, so expected records are literal. */
export const T0 = "2025-01-01T00:00:00.000Z";

/** `aRecord("r1").with("amount", 5).ownedBy("u2").build()`: a version 1 record owned by u1. */
export class RecordBuilder {
  readonly #id: string;
  #version = 1;
  #ownerId = "u1";
  #at = T0;
  readonly #values: Array<[string, JsonValue]> = [];

  constructor(id: string) {
    this.#id = id;
  }

  with(field: string, value: JsonValue): this {
    this.#values.push([field, value]);
    return this;
  }

  withValues(values: Record<string, JsonValue>): this {
    this.#values.push(...Object.entries(values));
    return this;
  }

  ownedBy(userId: string): this {
    this.#ownerId = userId;
    return this;
  }

  atVersion(version: number): this {
    this.#version = version;
    return this;
  }

  at(instant: string): this {
    this.#at = instant;
    return this;
  }

  build(): StoredRecord {
    return Object.fromEntries([
      ["id", this.#id],
      ["version", this.#version],
      ["ownerId", this.#ownerId],
      ["createdAt", this.#at],
      ["createdBy", this.#ownerId],
      ["updatedAt", this.#at],
      ["updatedBy", this.#ownerId],
      ...this.#values,
    ]) as StoredRecord;
  }
}

export const aRecord = (id: string): RecordBuilder => new RecordBuilder(id);

/** The next version of a stored record with some fields changed (null removes a field). */
export const revised = (record: StoredRecord, changes: Record<string, JsonValue>, at = T0): StoredRecord => {
  const entries = Object.entries({
    ...record,
    ...changes,
    version: record.version + 1,
    updatedAt: at,
  }).filter(([, value]) => value !== null);
  return Object.fromEntries(entries) as StoredRecord;
};

export const asc = (field: string): SortKey => ({ field, direction: "asc" });
export const desc = (field: string): SortKey => ({ field, direction: "desc" });

export const anIndex = (name: string, ...keys: Array<SortKey | string>): IndexSpec => ({
  name,
  keys: keys.map((key) => (typeof key === "string" ? asc(key) : key)),
  unique: false,
});

export const aUniqueIndex = (field: string): IndexSpec => ({
  name: `unique_${field}`,
  keys: [asc(field)],
  unique: true,
});

/** `aSchema().withObject("invoice", aUniqueIndex("number")).dropping("quote").build()`. */
export class SchemaBuilder {
  readonly #objects: Array<{ name: string; indexes: IndexSpec[] }> = [];
  readonly #dropped: string[] = [];

  withObject(name: string, ...indexes: IndexSpec[]): this {
    this.#objects.push({ name, indexes });
    return this;
  }

  dropping(...objects: string[]): this {
    this.#dropped.push(...objects);
    return this;
  }

  build(): StorageSchema {
    return { objects: [...this.#objects], dropped: [...this.#dropped] };
  }
}

export const aSchema = (): SchemaBuilder => new SchemaBuilder();

/** A published version whose documents are one object document per name. */
export const aVersion = (version: number, ...objects: string[]): PublishedVersion => ({
  version,
  publishedAt: T0,
  publishedBy: "admin",
  documents: objects.map((name): JsonObject => ({ kind: "object", name })),
  changes: objects.map((name): JsonObject => ({ change: "added", object: name })),
});

export const aDraft = (kind: string, name: string, document: JsonObject = {}): DraftDocument => ({
  kind,
  name,
  document: { kind, name, ...document },
  updatedAt: T0,
  updatedBy: "admin",
});

export const aHistoryEntry = (
  record: Pick<StoredRecord, "id" | "version">,
  object: string,
  field: string,
  oldValue: JsonValue,
  newValue: JsonValue,
): HistoryEntry => ({
  object,
  recordId: record.id,
  field,
  oldValue,
  newValue,
  version: record.version,
  changedAt: T0,
  changedBy: "u1",
});

export const aSession = (tokenHash: string, userId: string): Session => ({
  tokenHash,
  userId,
  createdAt: T0,
  expiresAt: "2025-01-02T00:00:00.000Z",
});
