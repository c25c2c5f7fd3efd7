import { Aggregator } from "mingo";
import { aggregatePipeline, aggregateRows } from "../../../engine/src/store/mongo/aggregate-pipeline.js";
import { recordToDocument } from "../../../engine/src/store/mongo/record-document.js";
import type { AggregateQuery, AggregateRow, StoredRecord } from "../../../engine/src/store/store-port.js";

/**
 * The MongoDB adapter's `aggregate` without a server: the pipeline it sends, run by mingo (a
 * MongoDB query-language implementation) over the documents it stores, read back as it reads them.
 */
export const mingoAggregate = (query: AggregateQuery, records: readonly StoredRecord[]): AggregateRow[] => {
  const pipeline = aggregatePipeline(query);
  if (query.limit === 0) return [];
  const groups = new Aggregator(pipeline).run(records.map(recordToDocument));
  return aggregateRows(groups, query);
};
