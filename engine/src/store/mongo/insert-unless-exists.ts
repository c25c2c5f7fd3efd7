import type { AnyBulkWriteOperation, Filter } from "mongodb";

/** Inserts a document unless its id exists: an upsert that only sets fields on insert. */
export const insertUnlessExists = <T extends { _id: string }>(document: T): AnyBulkWriteOperation<T> => {
  const { _id, ...fields } = document;
  return {
    updateOne: {
      filter: { _id: { $eq: _id } } as Filter<T>,
      update: { $setOnInsert: fields as Partial<T> },
      upsert: true,
    },
  };
};
