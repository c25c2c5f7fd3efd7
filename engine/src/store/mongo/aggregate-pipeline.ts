import type { DateBucket, JsonValue } from "@tessera/metadata";
import type { Document } from "mongodb";
import { checkAggregateQuery, notAGroupingKey } from "../aggregate-query.js";
import type { AggregateQuery, AggregateRow } from "../store-port.js";
import { documentKey } from "./document-fields.js";
import { filterToMongo } from "./filter-to-mongo.js";
import type { ObjectStorage } from "./object-storage.js";

/** `$<key>`: keys come from documentKey, so never an operator or a dotted path. */
const path = (field: string): string => `$${documentKey(field)}`;

const isString = (value: unknown): Document => ({ $eq: [{ $type: value }, "string"] });

/** The bucket key of the valid day `$$d` ("2026-11-26"), whose midnight UTC is `$$t`. */
const BUCKET_EXPRESSIONS: { readonly [B in DateBucket]: Document | string } = {
  day: "$$d",
  week: {
    $dateToString: {
      format: "%Y-%m-%d",
      date: { $subtract: ["$$t", { $multiply: [{ $subtract: [{ $isoDayOfWeek: "$$t" }, 1] }, 86_400_000] }] },
    },
  },
  month: { $substrCP: ["$$d", 0, 7] },
  // The quarter's digit is the month's character in "111222333444".
  quarter: {
    $concat: [
      { $substrCP: ["$$d", 0, 4] },
      "-Q",
      { $substrCP: ["111222333444", { $subtract: [{ $month: "$$t" }, 1] }, 1] },
    ],
  },
  year: { $substrCP: ["$$d", 0, 4] },
};

/**
 * A string starting with a real calendar day (stored dates and UTC datetimes do) as its bucket key,
 * anything else as null. `$dateFromString` refuses or rolls over a day that does not exist, so
 * only a day that prints back as itself is real. Dates and times are UTC (no timezone given).
 */
const bucketKey = (value: string, bucket: DateBucket): Document => ({
  $cond: [
    isString(value),
    {
      $let: {
        vars: { d: { $substrCP: [value, 0, 10] } },
        in: {
          $let: {
            vars: {
              t: { $dateFromString: { dateString: "$$d", format: "%Y-%m-%d", onError: null, onNull: null } },
            },
            in: {
              $cond: [
                {
                  $and: [
                    { $regexMatch: { input: "$$d", regex: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" } },
                    { $ne: ["$$t", null] },
                  ],
                },
                {
                  $cond: [
                    { $eq: [{ $dateToString: { date: "$$t", format: "%Y-%m-%d" } }, "$$d"] },
                    BUCKET_EXPRESSIONS[bucket],
                    null,
                  ],
                },
                null,
              ],
            },
          },
        },
      },
    },
    null,
  ],
});

/**
 * The rank of a key's type, as the embedded store ranks them: null first, then numbers, strings,
 * booleans; arrays and objects -1, so a group with one sorts first and is refused.
 */
const rank = (key: string): Document => ({
  $cond: [
    { $isNumber: key },
    1,
    {
      $cond: [
        isString(key),
        2,
        {
          $cond: [
            { $eq: [{ $type: key }, "bool"] },
            3,
            { $cond: [{ $in: [{ $type: key }, ["array", "object"]] }, -1, 0] },
          ],
        },
      ],
    },
  ],
});

const hasValue = (value: string): Document => ({ $not: [{ $in: [{ $type: value }, ["missing", "null"]] }] });

/**
 * The accumulators of one measure: `m<i>`, and for sum `n<i>`, how many numbers it added ($sum of
 * none is 0, where the port says null).
 */
const accumulators = (measure: AggregateQuery["measures"][number], i: number): Document => {
  if (measure.field === undefined) return { [`m${i}`]: { $sum: 1 } };
  const value = path(measure.field);
  const number = { $cond: [{ $isNumber: value }, value, null] };
  switch (measure.operation) {
    case "count":
      return { [`m${i}`]: { $sum: { $cond: [hasValue(value), 1, 0] } } };
    case "sum":
      return { [`m${i}`]: { $sum: number }, [`n${i}`]: { $sum: { $cond: [{ $isNumber: value }, 1, 0] } } };
    case "avg":
      return { [`m${i}`]: { $avg: number } };
    case "min":
    case "max":
      // BSON orders numbers before strings, as SQLite does; $min and $max skip nulls.
      return {
        [`m${i}`]: {
          [`$${measure.operation}`]: {
            $cond: [{ $or: [{ $isNumber: value }, isString(value)] }, value, null],
          },
        },
      };
  }
};

/**
 * The aggregation pipeline answering the query: `$match` (the filter), `$group` by the keys
 * (`_id.k<i>`, absent values as null), then ranks (`r<i>`) to order groups as the embedded store
 * does, `$sort` and `$limit`. A pure function of the query, so it is verified without a server.
 * MongoDB refuses `$limit: 0`: with a limit of 0 the adapter sends nothing.
 */
export const aggregatePipeline = (query: AggregateQuery): Document[] => {
  checkAggregateQuery(query);
  const keys: Document = {};
  query.groupBy.forEach((key, i) => {
    const value = path(key.field);
    keys[`k${i}`] = key.bucket === undefined ? { $ifNull: [value, null] } : bucketKey(value, key.bucket);
  });
  const group: Document = { _id: query.groupBy.length === 0 ? null : keys };
  query.measures.forEach((measure, i) => {
    Object.assign(group, accumulators(measure, i));
  });
  const pipeline: Document[] = [];
  if (query.filter !== undefined) pipeline.push({ $match: filterToMongo(query.filter) });
  pipeline.push({ $group: group });
  if (query.groupBy.length > 0) {
    const ranks: Document = {};
    const sort: Document = { refused: -1 };
    query.groupBy.forEach((_key, i) => {
      ranks[`r${i}`] = rank(`$_id.k${i}`);
      sort[`r${i}`] = 1;
      sort[`_id.k${i}`] = 1;
    });
    const refused = { $or: query.groupBy.map((_key, i) => ({ $eq: [`$r${i}`, -1] })) };
    pipeline.push({ $addFields: ranks }, { $addFields: { refused } }, { $sort: sort });
  }
  pipeline.push({ $limit: query.limit });
  return pipeline;
};

const numberOrString = (value: unknown): number | string | null =>
  typeof value === "number" || typeof value === "string" ? value : null;

/**
 * The rows of the groups the pipeline produced. Without keys there is always one row (when the
 * limit allows): MongoDB makes no group of no documents, SQL makes one.
 */
export const aggregateRows = (groups: readonly Document[], query: AggregateQuery): AggregateRow[] => {
  const rows = groups.map((group) => {
    const keys = query.groupBy.map((key, i): JsonValue => {
      if (group[`r${i}`] === -1) throw notAGroupingKey(key.field);
      return ((group._id as Document | null)?.[`k${i}`] ?? null) as JsonValue;
    });
    const values = query.measures.map((measure, i) =>
      measure.operation === "sum" && measure.field !== undefined && group[`n${i}`] === 0
        ? null
        : numberOrString(group[`m${i}`]),
    );
    return { keys, values };
  });
  if (query.groupBy.length === 0 && rows.length === 0 && query.limit > 0) {
    rows.push({ keys: [], values: query.measures.map((m) => (m.operation === "count" ? 0 : null)) });
  }
  return rows;
};

export const aggregate = async (
  storage: ObjectStorage,
  object: string,
  query: AggregateQuery,
): Promise<AggregateRow[]> => {
  const pipeline = aggregatePipeline(query);
  const records = await storage.records(object);
  if (query.limit === 0) return [];
  const groups = await records.aggregate(pipeline, { allowDiskUse: true }).toArray();
  return aggregateRows(groups, query);
};
