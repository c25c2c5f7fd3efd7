import { randomUUID } from "node:crypto";
import type { Db } from "mongodb";
import type { PublishedVersion, StorageSchema } from "../store-port.js";
import { type AtomicWrites, ConditionFailed, unlessConditionFails } from "./atomic-writes.js";
import { dropStaleIndexes, StorageChanges } from "./index-sync.js";
import { errorCode, recordCollectionName, type TenantCollections } from "./tenant-collections.js";

/**
 * A publish lock older than this is taken to belong to a crashed publish and may be taken over.
 * Longer than any index build a publish is expected to make.
 */
export const PUBLISH_LOCK_TIMEOUT_MS = 15 * 60 * 1000;

export interface PublishTarget {
  db: Db;
  collections: TenantCollections;
  atomic: AtomicWrites;
  /** Called with every object whose storage is gone, so caches forget it. */
  forget: (object: string) => void;
}

/**
 * Publishes `next` (see TenantStore.publish). DDL cannot join a MongoDB transaction, so:
 * 1. take the publish lock, a compare-and-set on the state document conditioned on the current
 *    version being `expectedCurrent` (false if not: another publish won or is winning);
 * 2. finish drops an earlier publish committed but did not complete;
 * 3. additive DDL: create new objects' collections and missing indexes (a unique index over
 *    duplicate values fails here, is undone, and throws uniqueViolation);
 * 4. commit: write the version and, conditioned on still holding the lock, move the current
 *    pointer and record the objects to drop, in one transaction;
 * 5. destructive DDL after the commit, still under the lock: drop stale indexes and the dropped
 *    objects' storage; then release the lock.
 * Until the commit, a failure undoes steps 3-4 and releases the lock, so nothing has changed.
 */
export const publishVersion = async (
  target: PublishTarget,
  next: PublishedVersion,
  expectedCurrent: number,
  schema: StorageSchema,
): Promise<boolean> => {
  const { db, collections } = target;
  const token = randomUUID();
  const locked = await collections.state.updateOne(
    {
      _id: "current",
      version: { $eq: expectedCurrent },
      $or: [
        { lock: { $exists: false } },
        { "lock.at": { $lt: new Date(Date.now() - PUBLISH_LOCK_TIMEOUT_MS) } },
      ],
    },
    { $set: { lock: { token, at: new Date() } } },
  );
  if (locked.matchedCount === 0) return false;

  const dropped = new Set(schema.dropped);
  const kept = schema.objects.filter((object) => !dropped.has(object.name));
  const changes = new StorageChanges(db);
  let committed: boolean;
  try {
    await finishDrops(target);
    for (const object of kept) await changes.prepareObject(object.name, object.indexes);
    committed =
      (await unlessConditionFails(commit(target, next, [...dropped], token, schema.droppedFields ?? []))) !==
      false;
  } catch (error) {
    await changes.undo();
    await releaseLock(target, token).catch(() => undefined);
    throw error;
  }
  if (!committed) {
    await changes.undo();
    await releaseLock(target, token);
    return false;
  }
  // Committed: failures from here on leave work for the next publish (pending drops, stale
  // indexes), never a half-published version, so they do not fail this one.
  try {
    for (const object of kept) await dropStaleIndexes(db, object.name, object.indexes);
    await finishDrops(target);
  } finally {
    await releaseLock(target, token);
  }
  return true;
};

const commit = (
  target: PublishTarget,
  next: PublishedVersion,
  dropped: string[],
  token: string,
  droppedFields: ReadonlyArray<{ object: string; field: string }>,
) =>
  target.atomic(async (session) => {
    for (const { object, field } of droppedFields) {
      await target.collections.history.deleteMany(
        { object: { $eq: object }, field: { $eq: field } },
        { session },
      );
    }
    const { versions, versionParts, state } = target.collections;
    // Only a crashed attempt on a standalone server leaves parts of a version beyond the current
    // one; a transaction never does, and refuses to overwrite a published version.
    if (session === undefined && next.version > ((await state.findOne({ _id: "current" }))?.version ?? 0)) {
      await removeVersion(target, next.version);
    }
    const parts = [
      ...next.documents.map((document, index) => ({ part: "document" as const, index, body: document })),
      ...next.changes.map((change, index) => ({ part: "change" as const, index, body: change })),
    ].map(({ part, index, body }) => ({ version: next.version, part, index, body: JSON.stringify(body) }));
    if (parts.length > 0) await versionParts.insertMany(parts, { session });
    await versions.insertOne(
      { _id: next.version, publishedAt: next.publishedAt, publishedBy: next.publishedBy },
      { session },
    );
    // The commit point: last, so that on a standalone server nothing is current before it is whole.
    const moved = await state.updateOne(
      { _id: "current", "lock.token": { $eq: token } },
      { $set: { version: next.version }, $addToSet: { pendingDrops: { $each: dropped } } },
      { session },
    );
    if (moved.matchedCount === 0) {
      if (session === undefined) await removeVersion(target, next.version);
      throw new ConditionFailed();
    }
  });

const removeVersion = async (target: PublishTarget, version: number): Promise<void> => {
  await target.collections.versions.deleteOne({ _id: { $eq: version } });
  await target.collections.versionParts.deleteMany({ version: { $eq: version } });
};

/** Drops the storage of objects a committed publish removed: records, history, counters, work items. */
const finishDrops = async (target: PublishTarget): Promise<void> => {
  const { db, collections } = target;
  const state = await collections.state.findOne({ _id: "current" });
  for (const object of state?.pendingDrops ?? []) {
    target.forget(object);
    await db.dropCollection(recordCollectionName(object)).catch((error: unknown) => {
      if (errorCode(error) !== NAMESPACE_NOT_FOUND) throw error;
    });
    await collections.history.deleteMany({ object: { $eq: object } });
    await collections.counters.deleteMany({ "_id.object": { $eq: object } });
    await collections.workItems.deleteMany({ object: { $eq: object } });
    await collections.state.updateOne({ _id: "current" }, { $pull: { pendingDrops: object } });
  }
};

const NAMESPACE_NOT_FOUND = 26;

const releaseLock = async (target: PublishTarget, token: string): Promise<void> => {
  await target.collections.state.updateOne(
    { _id: "current", "lock.token": { $eq: token } },
    { $unset: { lock: "" } },
  );
};
