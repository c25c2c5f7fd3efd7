import type { ClientSession, Collection } from "mongodb";
import type { AutoNumberAssignment, HistoryEntry, StoredRecord } from "../store-port.js";
import type { WriteEffects } from "../work-types.js";
import { checkEffects } from "../written-record.js";
import { type AtomicWrites, ConditionFailed, unlessConditionFails } from "./atomic-writes.js";
import { type DrawnNumber, drawNumber, ensureCounters, returnNumber } from "./auto-numbers.js";
import { recordWriteError } from "./duplicate-key.js";
import { historyToDocument } from "./history-documents.js";
import type { ObjectStorage } from "./object-storage.js";
import { type RecordDocument, recordToDocument } from "./record-document.js";
import type { TenantCollections } from "./tenant-collections.js";
import { removeWorkItemsIn } from "./work-items.js";
import { applyEffects } from "./write-effects.js";

export interface RecordWriteTarget {
  collections: TenantCollections;
  storage: ObjectStorage;
  atomic: AtomicWrites;
  /** Makes the work collections (jobs, work items) ready, once: effects write to them. */
  workReady: () => Promise<void>;
}

/** The record, its auto-numbers, their counters, its history and its effects in one transaction. */
export const insertRecord = async (
  target: RecordWriteTarget,
  object: string,
  record: StoredRecord,
  autoNumbers: readonly AutoNumberAssignment[],
  history: readonly HistoryEntry[],
  effects?: WriteEffects,
): Promise<StoredRecord> => {
  const written = { object, recordId: record.id };
  checkEffects(effects, written);
  const records = await target.storage.records(object);
  if (effects !== undefined) await target.workReady();
  const { counters } = target.collections;
  await ensureCounters(counters, object, autoNumbers);
  try {
    return await target.atomic(async (session) => {
      const stored: StoredRecord = { ...record, version: 1 };
      const drawn: DrawnNumber[] = [];
      let inserted = false;
      try {
        for (const assignment of autoNumbers) {
          const number = await drawNumber(counters, object, assignment.field, session);
          drawn.push(number);
          stored[assignment.field] = assignment.render(number.value);
        }
        await records.insertOne(recordToDocument(stored), { session });
        inserted = true;
        await appendHistory(target, history, session);
        await applyEffects(target.collections, effects, written, session);
        return stored;
      } catch (error) {
        // Without a transaction, undo by hand what this insert did (a transaction aborts instead).
        if (session === undefined) {
          if (inserted) await records.deleteOne({ _id: { $eq: stored.id }, version: { $eq: 1 } });
          for (const number of drawn.reverse()) await returnNumber(counters, number);
        }
        throw error;
      }
    });
  } catch (error) {
    throw recordWriteError(error, object);
  }
};

/**
 * Many records and their history in one transaction. On a standalone server the records are
 * inserted one by one, and when one or the history fails those inserted are deleted again.
 */
export const insertRecords = async (
  target: RecordWriteTarget,
  object: string,
  records: readonly StoredRecord[],
  history: readonly HistoryEntry[],
): Promise<void> => {
  const collection = await target.storage.records(object);
  if (records.length === 0 && history.length === 0) return;
  try {
    await target.atomic(async (session) => {
      const documents = records.map((record) => recordToDocument({ ...record, version: 1 }));
      if (session !== undefined) {
        if (documents.length > 0) await collection.insertMany(documents, { session });
        await appendHistory(target, history, session);
        return;
      }
      const inserted: string[] = [];
      try {
        for (const document of documents) {
          await collection.insertOne(document);
          inserted.push(document._id);
        }
        await appendHistory(target, history, undefined);
      } catch (error) {
        if (inserted.length > 0) await collection.deleteMany({ _id: { $in: inserted } });
        throw error;
      }
    });
  } catch (error) {
    throw recordWriteError(error, object);
  }
};

export const updateRecord = async (
  target: RecordWriteTarget,
  object: string,
  record: StoredRecord,
  expectedVersion: number,
  history: readonly HistoryEntry[],
  effects?: WriteEffects,
): Promise<boolean> => {
  if (record.version !== expectedVersion + 1) {
    throw new RangeError("An updated record's version must be the expected version plus one");
  }
  const written = { object, recordId: record.id };
  checkEffects(effects, written);
  const records = await target.storage.records(object);
  if (effects !== undefined) await target.workReady();
  try {
    const done = await unlessConditionFails(
      target.atomic(async (session) => {
        // The version is checked in the same write that replaces: no lost updates.
        const replaced = await records.replaceOne(
          { _id: { $eq: record.id }, version: { $eq: expectedVersion } },
          recordToDocument(record),
          { session },
        );
        if (replaced.matchedCount === 0) throw new ConditionFailed();
        await appendHistory(target, history, session);
        await applyEffects(target.collections, effects, written, session);
        return true;
      }),
    );
    return done;
  } catch (error) {
    throw recordWriteError(error, object);
  }
};

/**
 * All targets or none, with their work items and the effects. Inside a transaction each
 * conditional delete is checked as it is made; on a standalone server the conditions are all
 * checked first and the deletes follow (see README.md).
 */
export const deleteRecords = async (
  target: RecordWriteTarget,
  targets: ReadonlyArray<{ object: string; id: string; expectedVersion?: number }>,
  effects?: WriteEffects,
): Promise<boolean> => {
  checkEffects(effects, undefined);
  const collections: Array<Collection<RecordDocument>> = [];
  for (const { object } of targets) collections.push(await target.storage.records(object));
  await target.workReady();
  const done = await unlessConditionFails(
    target.atomic(async (session) => {
      if (session === undefined) {
        for (const [i, { id, expectedVersion }] of targets.entries()) {
          if (expectedVersion === undefined) continue;
          const found = await collections[i]?.countDocuments({
            _id: { $eq: id },
            version: { $eq: expectedVersion },
          });
          if (found === 0) throw new ConditionFailed();
        }
      }
      for (const [i, { id, expectedVersion }] of targets.entries()) {
        const condition = expectedVersion === undefined ? {} : { version: { $eq: expectedVersion } };
        const deleted = await collections[i]?.deleteOne({ _id: { $eq: id }, ...condition }, { session });
        if (expectedVersion !== undefined && deleted?.deletedCount === 0) throw new ConditionFailed();
      }
      for (const { object, id } of targets) await removeWorkItemsIn(target.collections, object, id, session);
      await applyEffects(target.collections, effects, undefined, session);
      return true;
    }),
  );
  return done;
};

const appendHistory = async (
  target: RecordWriteTarget,
  history: readonly HistoryEntry[],
  session: ClientSession | undefined,
): Promise<void> => {
  if (history.length === 0) return;
  await target.collections.history.insertMany(
    history.map((entry, position) => historyToDocument(entry, position)),
    { session },
  );
};
