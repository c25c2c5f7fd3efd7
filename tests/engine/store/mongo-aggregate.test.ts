import { type DateBucket, dateBucketKey, type JsonValue } from "@tessera/metadata";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregatePipeline } from "../../../engine/src/store/mongo/aggregate-pipeline.js";
import type { AggregateQuery, AggregateRow, StoredRecord } from "../../../engine/src/store/store-port.js";
import { aRecord } from "./builders.js";
import { AGGREGATE_CASES, OPPORTUNITIES, REFUSED_QUERIES } from "./conformance/record-aggregates.js";
import { replaceItems, useItemStore } from "./item-store.js";
import { mingoAggregate } from "./mingo-aggregate.js";

// The pipeline the MongoDB adapter sends for `aggregate`, run by mingo over the documents it stores:
// the conformance suite's cases, then differential runs against the embedded store.

describe("MongoDB aggregate pipeline", () => {
  it("matches, groups with absent values as null, ranks, sorts and limits", () => {
    const pipeline = aggregatePipeline({
      filter: { op: "compare", field: "stage", operator: "==", value: "won" },
      groupBy: [{ field: "region" }],
      measures: [{ operation: "count" }, { operation: "sum", field: "amount" }],
      limit: 11,
    });
    expect(pipeline[0]).toEqual({ $match: { stage: { $eq: "won", $not: { $type: "array" } } } });
    expect(pipeline[1]).toEqual({
      $group: {
        _id: { k0: { $ifNull: ["$region", null] } },
        m0: { $sum: 1 },
        m1: { $sum: { $cond: [{ $isNumber: "$amount" }, "$amount", null] } },
        n1: { $sum: { $cond: [{ $isNumber: "$amount" }, 1, 0] } },
      },
    });
    expect(pipeline.slice(3)).toEqual([
      { $addFields: { refused: { $or: [{ $eq: ["$r0", -1] }] } } },
      { $sort: { refused: -1, r0: 1, "_id.k0": 1 } },
      { $limit: 11 },
    ]);
  });

  it("groups everything in one group without keys, and sends no $match without a filter", () => {
    expect(aggregatePipeline({ groupBy: [], measures: [{ operation: "count" }], limit: 1 })).toEqual([
      { $group: { _id: null, m0: { $sum: 1 } } },
      { $limit: 1 },
    ]);
  });

  it("names the id field by _id and refuses names that are not field names", () => {
    const pipeline = aggregatePipeline({ groupBy: [{ field: "id" }], measures: [], limit: 1 });
    expect(pipeline[0]).toEqual({ $group: { _id: { k0: { $ifNull: ["$_id", null] } } } });
    for (const field of ["$where", "a.b", "__proto__", "_id"]) {
      expect(() => aggregatePipeline({ groupBy: [{ field }], measures: [], limit: 1 })).toThrow(RangeError);
    }
  });

  it.each(REFUSED_QUERIES)("refuses %s", (_name, query) => {
    expect(() => aggregatePipeline(query)).toThrow(RangeError);
  });
});

describe("MongoDB aggregate (evaluated by mingo) answers the conformance cases", () => {
  it.each(AGGREGATE_CASES)("%s", (_name, query, expected) => {
    expect(mingoAggregate(query, OPPORTUNITIES)).toEqual(expected);
  });

  it("refuses a grouping key holding arrays or objects", () => {
    const records = [
      ...OPPORTUNITIES,
      aRecord("a9")
        .withValues({ region: "west", tags: ["vip"], meta: { a: 1 } })
        .build(),
    ];
    const count = [{ operation: "count" as const }];
    expect(() =>
      mingoAggregate({ groupBy: [{ field: "tags" }], measures: count, limit: 100 }, records),
    ).toThrow(/not a grouping key/);
    expect(() =>
      mingoAggregate(
        { groupBy: [{ field: "region" }, { field: "tags" }], measures: count, limit: 1 },
        records,
      ),
    ).toThrow(RangeError);
    expect(() =>
      mingoAggregate({ groupBy: [{ field: "meta" }], measures: count, limit: 1 }, records),
    ).toThrow(RangeError);
  });
});

// Differential runs: random records and queries, the embedded store's answer against mingo's.

const STRINGS = ["", "a", "A", "b", "é", "北京", "5", "[]", "2024-01-01"];
/** Multiples of 1/4: every sum is exact whatever the order of addition. */
const NUMBERS = [-2, -1.5, 0, 0.25, 1, 2, 5, 100.75];
const stringValue = fc.constantFrom(...STRINGS);
const numberValue = fc.constantFrom(...NUMBERS);
/** Real days over four centuries, so weeks, quarters and years turn over; and some that are not. */
const dayValue = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .integer({ min: -25_000, max: 50_000 })
      .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
  },
  { weight: 1, arbitrary: fc.constantFrom("2024-02-30", "2023-13-01", "2024-1-01", "someday", "2024-02-29") },
);
const datetimeValue = fc
  .integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 })
  .map((ms) => new Date(ms).toISOString());

const FIELD_VALUES: Record<string, fc.Arbitrary<JsonValue>> = {
  stage: fc.oneof(stringValue, numberValue, fc.boolean(), fc.constant(null)),
  amount: fc.oneof(
    { weight: 4, arbitrary: numberValue },
    { weight: 1, arbitrary: fc.oneof(stringValue, fc.boolean()) },
  ),
  day: dayValue,
  at: fc.oneof({ weight: 4, arbitrary: datetimeValue }, { weight: 1, arbitrary: numberValue }),
  flag: fc.boolean(),
  tags: fc.array(stringValue, { maxLength: 2 }),
};

const recordSets: fc.Arbitrary<StoredRecord[]> = fc
  .array(
    fc.record(
      Object.fromEntries(
        Object.entries(FIELD_VALUES).map(([field, value]) => [field, fc.option(value, { nil: undefined })]),
      ) as Record<string, fc.Arbitrary<JsonValue | undefined>>,
    ),
    { maxLength: 25 },
  )
  .map((sets) =>
    sets.map((values, i) =>
      aRecord(`r${String(i).padStart(2, "0")}`)
        .ownedBy(i % 3 === 0 ? "u1" : "u2")
        .withValues(
          Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<
            string,
            JsonValue
          >,
        )
        .build(),
    ),
  );

const bucket = fc.constantFrom(
  "day" as const,
  "week" as const,
  "month" as const,
  "quarter" as const,
  "year" as const,
);
const groupKey: fc.Arbitrary<AggregateQuery["groupBy"][number]> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom("stage", "amount", "flag", "ownerId", "day").map((field) => ({ field })),
  },
  { weight: 3, arbitrary: fc.record({ field: fc.constantFrom("day", "at", "createdAt", "stage"), bucket }) },
  { weight: 1, arbitrary: fc.constant({ field: "tags" }) },
);
const measure: fc.Arbitrary<AggregateQuery["measures"][number]> = fc.oneof(
  fc.constant({ operation: "count" as const }),
  fc.record({
    operation: fc.constantFrom(
      "count" as const,
      "sum" as const,
      "avg" as const,
      "min" as const,
      "max" as const,
    ),
    field: fc.constantFrom("amount", "stage", "day", "flag", "tags", "version"),
  }),
);
const aggregateQuery: fc.Arbitrary<AggregateQuery> = fc.record({
  groupBy: fc.array(groupKey, { maxLength: 2 }),
  measures: fc.array(measure, { maxLength: 4 }),
  limit: fc.oneof(fc.constant(1000), fc.integer({ min: 0, max: 4 })),
  filter: fc.constantFrom(
    { op: "true" as const },
    { op: "missing" as const, field: "tags" },
    { op: "compare" as const, field: "amount", operator: ">=" as const, value: 0 },
  ),
});

/** The rows, or the kind of error refused with: both stores must agree on either. */
const outcome = async (run: () => AggregateRow[] | Promise<AggregateRow[]>): Promise<unknown> => {
  try {
    return await run();
  } catch (error) {
    return { refused: (error as Error).name };
  }
};

describe("the embedded store and the MongoDB pipeline (evaluated by mingo) aggregate alike", () => {
  const items = useItemStore("tessera-mongo-aggregate-");

  it("for any records and query", async () => {
    await fc.assert(
      fc.asyncProperty(
        recordSets,
        fc.array(aggregateQuery, { minLength: 5, maxLength: 15 }),
        async (records, queries) => {
          await replaceItems(items.acme, records);
          for (const query of queries) {
            const embedded = await outcome(() => items.acme.aggregate("item", query));
            expect(embedded).toEqual(await outcome(() => mingoAggregate(query, records)));
          }
        },
      ),
      { numRuns: 120 },
    );
  }, 120_000);

  it("with the bucket keys of dateBucketKey for any day and datetime", async () => {
    // Stored dates and datetimes start with "YYYY-MM-DD"; dateBucketKey also reads looser text.
    const reference = (value: JsonValue | undefined, b: DateBucket): string | null => {
      if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
      try {
        return dateBucketKey(value, b);
      } catch {
        return null;
      }
    };
    await fc.assert(
      fc.asyncProperty(recordSets, bucket, fc.constantFrom("day", "at"), async (records, b, field) => {
        await replaceItems(items.acme, records);
        const query = {
          groupBy: [{ field, bucket: b }],
          measures: [{ operation: "count" as const }],
          limit: 1000,
        };
        const counts = new Map<string | null, number>();
        for (const record of records) {
          const key = reference(record[field], b);
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const expected = [...counts.entries()]
          .sort(([a], [c]) => (a === null ? -1 : c === null ? 1 : a < c ? -1 : 1))
          .map(([key, n]) => ({ keys: [key], values: [n] }));
        expect(await items.acme.aggregate("item", query)).toEqual(expected);
        expect(mingoAggregate(query, records)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
