import { NAME_REGEX } from "@tessera/metadata";
import type { Collection, Db } from "mongodb";
import { StoreError } from "../store-port.js";
import type { RecordDocument } from "./record-document.js";
import { collectionExists, recordCollectionName } from "./tenant-collections.js";

/**
 * The record collections of one tenant. A collection exists from the publish that introduced its
 * object until the publish that dropped it; any other object is `unknownObject`. MongoDB would
 * create a collection on first insert, so existence is checked here, and remembered once seen.
 */
export class ObjectStorage {
  readonly #known = new Set<string>();

  constructor(private readonly db: Db) {}

  async records(object: string): Promise<Collection<RecordDocument>> {
    if (!NAME_REGEX.test(object)) throw unknownObject();
    const name = recordCollectionName(object);
    if (!this.#known.has(object)) {
      if (!(await collectionExists(this.db, name))) throw unknownObject();
      this.#known.add(object);
    }
    return this.db.collection<RecordDocument>(name);
  }

  /** Called when a publish drops the object's storage. */
  forget(object: string): void {
    this.#known.delete(object);
  }
}

const unknownObject = () => new StoreError("unknownObject", "The object has no storage.");
