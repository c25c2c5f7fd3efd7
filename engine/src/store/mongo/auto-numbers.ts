import type { ClientSession, Collection } from "mongodb";
import type { AutoNumberAssignment } from "../store-port.js";
import type { CounterDocument } from "./tenant-collections.js";

/** A value taken from a counter: the counter's `issued` after taking it, and the value. */
export interface DrawnNumber {
  object: string;
  field: string;
  issued: number;
  value: number;
}

/**
 * Creates the counters `autoNumbers` need, outside any transaction: two transactions upserting
 * one new document would collide on its `_id`, while a counter that has issued nothing changes
 * nothing anyone can observe.
 */
export const ensureCounters = async (
  counters: Collection<CounterDocument>,
  object: string,
  autoNumbers: readonly AutoNumberAssignment[],
): Promise<void> => {
  for (const { field, startAt } of autoNumbers) {
    await counters.updateOne(
      { _id: { object, field } },
      { $setOnInsert: { start: startAt, issued: 0 } },
      { upsert: true },
    );
  }
};

/**
 * The counter's next value, `start + issued - 1` after counting one more. One atomic increment, so
 * concurrent inserts never draw the same value; inside a transaction it rolls back with the
 * insert it serves (gap-free).
 */
export const drawNumber = async (
  counters: Collection<CounterDocument>,
  object: string,
  field: string,
  session: ClientSession | undefined,
): Promise<DrawnNumber> => {
  const counter = await counters.findOneAndUpdate(
    { _id: { object, field } },
    { $inc: { issued: 1 } },
    { returnDocument: "after", session },
  );
  if (counter === null) throw new Error(`The counter of ${object}.${field} is missing`);
  return { object, field, issued: counter.issued, value: counter.start + counter.issued - 1 };
};

/**
 * Gives a drawn value back when its insert failed without a transaction: only while it is still
 * the last one drawn. (If another insert drew after it, the value stays a gap.)
 */
export const returnNumber = async (
  counters: Collection<CounterDocument>,
  number: DrawnNumber,
): Promise<void> => {
  await counters.updateOne(
    { _id: { object: number.object, field: number.field }, issued: { $eq: number.issued } },
    { $inc: { issued: -1 } },
  );
};
