import { createHash } from "node:crypto";
import type { Collection, CreateIndexesOptions, Db, Document, IndexSpecification } from "mongodb";
import { type IndexSpec, StoreError } from "../store-port.js";
import { documentKey } from "./document-fields.js";
import { duplicateKeyOf } from "./duplicate-key.js";
import { createCollectionIfMissing, errorCode, recordCollectionName } from "./tenant-collections.js";

/** Indexes this adapter made from a StorageSchema carry this prefix; no other index is touched. */
const MANAGED_PREFIX = "tsr_";

/**
 * The MongoDB name of an index: the spec's name plus a digest of its definition, so a changed
 * definition under the same name is a new index (built before the publish commits) rather than
 * a rebuild in place.
 */
export const mongoIndexName = (spec: IndexSpec): string => {
  const digest = createHash("sha256")
    .update(JSON.stringify([spec.name, spec.keys, spec.unique]))
    .digest("hex")
    .slice(0, 12);
  return `${MANAGED_PREFIX}${spec.name.replace(/[^A-Za-z0-9_]/g, "_").slice(0, 80)}_${digest}`;
};

/**
 * Keys and options of an index. A non-unique index ends with `_id`, the tie-breaker every query
 * sorts by, so a keyset page is one index range. A unique index only covers documents having
 * every key: the engine never stores null, and records without a value never collide (as SQL's
 * NULLs do not).
 */
export const mongoIndex = (spec: IndexSpec): { keys: IndexSpecification; options: CreateIndexesOptions } => {
  const keys: Record<string, 1 | -1> = {};
  for (const key of spec.keys) {
    const name = documentKey(key.field);
    if (!Object.hasOwn(keys, name)) keys[name] = key.direction === "desc" ? -1 : 1;
  }
  const options: CreateIndexesOptions = { name: mongoIndexName(spec) };
  if (spec.unique) {
    options.unique = true;
    const present: Document = {};
    for (const name of Object.keys(keys)) if (name !== "_id") present[name] = { $exists: true };
    if (Object.keys(present).length > 0) options.partialFilterExpression = present;
  } else if (!Object.hasOwn(keys, "_id")) {
    keys._id = 1;
  }
  return { keys, options };
};

/** DDL done by a publish before it commits, undone if the publish does not commit. */
export class StorageChanges {
  private readonly collections: string[] = [];
  private readonly indexes: Array<{ collection: Collection; name: string }> = [];

  constructor(private readonly db: Db) {}

  /** Creates the object's collection if needed and every index of `specs` it lacks. */
  async prepareObject(object: string, specs: readonly IndexSpec[]): Promise<void> {
    const name = recordCollectionName(object);
    if (await createCollectionIfMissing(this.db, name)) this.collections.push(name);
    const collection = this.db.collection(name);
    const existing = new Set((await collection.indexes()).map((index) => index.name));
    for (const spec of specs) {
      const { keys, options } = mongoIndex(spec);
      if (existing.has(options.name as string)) continue;
      try {
        await collection.createIndex(keys, options);
      } catch (error) {
        if (duplicateKeyOf(error) === undefined) throw error;
        const field = spec.keys[0]?.field;
        throw new StoreError(
          "uniqueViolation",
          `Existing ${object} records share a value of ${field}`,
          field,
        );
      }
      this.indexes.push({ collection, name: options.name as string });
    }
  }

  /** Best effort: a failure here leaves an unused index or empty collection, never lost data. */
  async undo(): Promise<void> {
    for (const { collection, name } of this.indexes.reverse())
      await ignoringFailure(collection.dropIndex(name));
    for (const name of this.collections.reverse()) await ignoringFailure(this.db.dropCollection(name));
  }
}

/** Drops the managed indexes of an object that its published specs no longer name. */
export const dropStaleIndexes = async (
  db: Db,
  object: string,
  specs: readonly IndexSpec[],
): Promise<void> => {
  const wanted = new Set(specs.map(mongoIndexName));
  const collection = db.collection(recordCollectionName(object));
  let indexes: Document[];
  try {
    indexes = await collection.indexes();
  } catch (error) {
    if (errorCode(error) === NAMESPACE_NOT_FOUND) return;
    throw error;
  }
  for (const index of indexes) {
    const name: unknown = index.name;
    if (typeof name === "string" && name.startsWith(MANAGED_PREFIX) && !wanted.has(name)) {
      await collection.dropIndex(name).catch((error: unknown) => {
        if (errorCode(error) !== INDEX_NOT_FOUND) throw error;
      });
    }
  }
};

const NAMESPACE_NOT_FOUND = 26;
const INDEX_NOT_FOUND = 27;

const ignoringFailure = async (work: Promise<unknown>): Promise<void> => {
  try {
    await work;
  } catch {
    // Undo runs after another failure, which is the one to report.
  }
};
