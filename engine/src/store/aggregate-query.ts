import { DATE_BUCKETS } from "@tessera/metadata";
import { checkedLimit } from "./list-limit.js";
import type { AggregateQuery, SummaryOperation } from "./store-port.js";

const MAX_GROUP_KEYS = 2;
const MAX_MEASURES = 20;
const OPERATIONS: ReadonlySet<string> = new Set<SummaryOperation>(["count", "sum", "min", "max", "avg"]);
const BUCKETS: ReadonlySet<string> = new Set(DATE_BUCKETS);

/**
 * Checks the shape of an aggregate query both adapters build their statements from (queries come
 * from stored reports): 0..2 keys, known buckets and operations, a field for every measure but
 * `count`, a non-negative limit. Field names are checked where they become paths. Throws a
 * RangeError; returns the limit.
 */
export const checkAggregateQuery = (query: AggregateQuery): number => {
  const limit = checkedLimit(query.limit, "Aggregate");
  if (query.groupBy.length > MAX_GROUP_KEYS)
    throw new RangeError(`An aggregate has at most ${MAX_GROUP_KEYS} group keys`);
  for (const key of query.groupBy) {
    if (key.bucket !== undefined && !BUCKETS.has(key.bucket))
      throw new RangeError(`Unknown date bucket: ${String(key.bucket)}`);
  }
  if (query.measures.length > MAX_MEASURES)
    throw new RangeError(`An aggregate has at most ${MAX_MEASURES} measures`);
  for (const measure of query.measures) {
    if (!OPERATIONS.has(measure.operation))
      throw new RangeError(`Unknown operation: ${String(measure.operation)}`);
    if (measure.field === undefined && measure.operation !== "count")
      throw new RangeError(`${measure.operation} needs a field`);
  }
  return limit;
};

/** A group key holding an array or an object (a multiPicklist): never a key of a group. */
export const notAGroupingKey = (field: string): RangeError =>
  new RangeError(`${field} holds arrays or objects: a multi-valued field is not a grouping key`);
