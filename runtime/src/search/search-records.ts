import type { ObjectSummary, RecordData } from "../api/types.js";
import { loadRecordPage } from "../lists/record-list-request.js";

const HITS_PER_OBJECT = 5;

/** The hits of one object. */
export interface SearchGroup {
  object: ObjectSummary;
  records: RecordData[];
  /** More records match than are shown. */
  more: boolean;
}

/**
 * Searches every given object at once (the records API's `q`, a few hits each). An object whose
 * search fails is left out rather than failing the whole search; objects without hits too.
 */
export const searchRecords = async (
  objects: readonly ObjectSummary[],
  q: string,
  signal?: AbortSignal,
): Promise<SearchGroup[]> => {
  const answers = await Promise.allSettled(
    objects.map((object) => loadRecordPage({ object: object.name, q, limit: HITS_PER_OBJECT }, signal)),
  );
  return answers.flatMap((answer, i) => {
    const object = objects[i];
    if (answer.status === "rejected" || object === undefined || answer.value.records.length === 0) return [];
    return [{ object, records: answer.value.records, more: answer.value.nextCursor !== null }];
  });
};
