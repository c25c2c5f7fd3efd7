import type { ClientSession, MongoClient, TransactionOptions } from "mongodb";

/**
 * Runs `work` as one atomic unit: in a transaction when the deployment has them (replica set or
 * sharded cluster), else as the ordered writes it makes (a standalone server; see README.md).
 * `work` must pass the session to every operation and may run more than once (transient
 * transaction errors are retried), so it builds its writes afresh on each run.
 */
export type AtomicWrites = <T>(work: (session: ClientSession | undefined) => Promise<T>) => Promise<T>;

const TRANSACTION_OPTIONS: TransactionOptions = {
  readConcern: { level: "snapshot" },
  writeConcern: { w: "majority" },
  readPreference: "primary",
};

export const atomicWrites = (client: MongoClient, transactions: boolean): AtomicWrites =>
  transactions
    ? (work) =>
        client.withSession((session) => session.withTransaction(() => work(session), TRANSACTION_OPTIONS))
    : (work) => work(undefined);

/**
 * Thrown inside atomic work when a condition of the write does not hold (a version moved on):
 * the transaction aborts and the method resolves false.
 */
export class ConditionFailed extends Error {
  constructor() {
    super("A condition of the write no longer holds");
    this.name = "ConditionFailed";
  }
}

/** Resolves to the work's result, or false when it threw ConditionFailed. */
export const unlessConditionFails = async <T>(work: Promise<T>): Promise<T | false> => {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ConditionFailed) return false;
    throw error;
  }
};
