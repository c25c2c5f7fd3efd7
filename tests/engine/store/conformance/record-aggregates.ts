import {
  DATE_BUCKETS,
  type DateBucket,
  dateBucketKey,
  type FilterNode,
  type JsonValue,
} from "@tessera/metadata";
import { beforeEach, describe, expect, it } from "vitest";
import type { AggregateQuery, AggregateRow, StoredRecord } from "../../../../engine/src/store/store-port.js";
import { aRecord, aSchema } from "../builders.js";
import { expectStoreError, publishSchema, type StoreFactory, useStoreFixture } from "./store-fixture.js";

/**
 * Opportunities whose values differ in type (a numeric string, a boolean, a number where a string
 * is usual, JSON null), with values missing and dates that are no real days.
 */
export const OPPORTUNITIES: readonly StoredRecord[] = [
  aRecord("a1")
    .withValues({
      stage: "won",
      region: "north",
      amount: 100,
      closeDate: "2024-01-15",
      lastContact: "2024-01-14T23:59:59.999Z",
      closed: true,
    })
    .build(),
  aRecord("a2")
    .ownedBy("u2")
    .withValues({
      stage: "won",
      region: "south",
      amount: 50.5,
      closeDate: "2024-02-29",
      lastContact: "2024-03-31T12:00:00.000Z",
      closed: false,
    })
    .build(),
  aRecord("a3")
    .withValues({
      stage: "lost",
      region: "north",
      amount: "7",
      closeDate: "2024-04-01",
      lastContact: "2024-04-07T00:00:00.000Z",
      closed: true,
    })
    .build(),
  aRecord("a4")
    .ownedBy("u2")
    .withValues({ stage: "lost", amount: 0, closeDate: "2023-12-31", closed: false })
    .build(),
  aRecord("a5").withValues({ region: "north", closeDate: "someday", lastContact: 5 }).build(),
  aRecord("a6").withValues({ stage: "open", region: "south", amount: -20, closeDate: "2024-02-30" }).build(),
  aRecord("a7")
    .ownedBy("u2")
    .at("2024-06-30T23:00:00.000Z")
    .withValues({ stage: 5, amount: true, closeDate: "2026-11-26" })
    .build(),
  aRecord("a8").withValues({ stage: null, region: "north", amount: 2.25, closeDate: "2026-01-01" }).build(),
];

/**
 * The reference bucket key of a stored value: dateBucketKey of a string starting with a day
 * ("YYYY-MM-DD", as stored dates and datetimes do), null for anything else or what it refuses.
 */
const bucketKeyOf = (value: JsonValue | undefined, bucket: DateBucket): string | null => {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  try {
    return dateBucketKey(value, bucket);
  } catch {
    return null;
  }
};

const count = { operation: "count" } as const;
const of = (operation: "count" | "sum" | "avg" | "min" | "max", field: string) => ({ operation, field });
const row = (keys: AggregateRow["keys"], ...values: AggregateRow["values"]): AggregateRow => ({
  keys,
  values,
});
const query = (
  groupBy: AggregateQuery["groupBy"],
  measures: AggregateQuery["measures"],
  limit = 100,
  filter?: FilterNode,
): AggregateQuery => ({
  groupBy,
  measures,
  limit,
  ...(filter !== undefined && { filter }),
});
const by = (field: string, bucket?: AggregateQuery["groupBy"][number]["bucket"]) => ({
  field,
  ...(bucket !== undefined && { bucket }),
});

/** Every kind of key, bucket and measure, with the rows OPPORTUNITIES give. */
export const AGGREGATE_CASES: ReadonlyArray<[string, AggregateQuery, AggregateRow[]]> = [
  [
    "counts per key, null (absent or JSON null) first, numbers before strings",
    query([by("stage")], [count]),
    [row([null], 2), row([5], 1), row(["lost"], 2), row(["open"], 1), row(["won"], 2)],
  ],
  [
    "sums and averages numbers only; min and max order numbers before strings, skip booleans",
    query(
      [by("stage")],
      [
        count,
        of("count", "amount"),
        of("sum", "amount"),
        of("avg", "amount"),
        of("min", "amount"),
        of("max", "amount"),
      ],
    ),
    [
      row([null], 2, 1, 2.25, 2.25, 2.25, 2.25),
      row([5], 1, 1, null, null, null, null),
      row(["lost"], 2, 2, 0, 0, 0, "7"),
      row(["open"], 1, 1, -20, -20, -20, -20),
      row(["won"], 2, 2, 150.5, 75.25, 50.5, 100),
    ],
  ],
  [
    "groups by two keys, ordered by the first key, then the second",
    query([by("stage"), by("region")], [count]),
    [
      row([null, "north"], 2),
      row([5, null], 1),
      row(["lost", null], 1),
      row(["lost", "north"], 1),
      row(["open", "south"], 1),
      row(["won", "north"], 1),
      row(["won", "south"], 1),
    ],
  ],
  [
    "groups by a boolean: null, false, true",
    query([by("closed")], [count, of("sum", "amount")]),
    [row([null], 4, -17.75), row([false], 2, 50.5), row([true], 2, 100)],
  ],
  [
    "buckets dates by day; a string that is no real day has no key",
    query([by("closeDate", "day")], [count]),
    [
      row([null], 2),
      row(["2023-12-31"], 1),
      row(["2024-01-15"], 1),
      row(["2024-02-29"], 1),
      row(["2024-04-01"], 1),
      row(["2026-01-01"], 1),
      row(["2026-11-26"], 1),
    ],
  ],
  [
    "buckets dates by week: the Monday of the ISO week, across years",
    query([by("closeDate", "week")], [count]),
    [
      row([null], 2),
      row(["2023-12-25"], 1),
      row(["2024-01-15"], 1),
      row(["2024-02-26"], 1),
      row(["2024-04-01"], 1),
      row(["2025-12-29"], 1),
      row(["2026-11-23"], 1),
    ],
  ],
  [
    "buckets dates by month",
    query([by("closeDate", "month")], [count]),
    [
      row([null], 2),
      row(["2023-12"], 1),
      row(["2024-01"], 1),
      row(["2024-02"], 1),
      row(["2024-04"], 1),
      row(["2026-01"], 1),
      row(["2026-11"], 1),
    ],
  ],
  [
    "buckets dates by quarter",
    query([by("closeDate", "quarter")], [count, of("sum", "amount")]),
    [
      row([null], 2, -20),
      row(["2023-Q4"], 1, 0),
      row(["2024-Q1"], 2, 150.5),
      row(["2024-Q2"], 1, null),
      row(["2026-Q1"], 1, 2.25),
      row(["2026-Q4"], 1, null),
    ],
  ],
  [
    "buckets dates by year",
    query([by("closeDate", "year")], [count]),
    [row([null], 2), row(["2023"], 1), row(["2024"], 3), row(["2026"], 2)],
  ],
  [
    "buckets datetimes by their UTC day (Sundays belong to the week before)",
    query([by("lastContact", "week")], [count]),
    [row([null], 5), row(["2024-01-08"], 1), row(["2024-03-25"], 1), row(["2024-04-01"], 1)],
  ],
  [
    "buckets a datetime system field",
    query([by("createdAt", "month")], [count]),
    [row(["2024-06"], 1), row(["2025-01"], 7)],
  ],
  [
    "groups by a system field",
    query([by("ownerId")], [count, of("max", "closeDate")]),
    [row(["u1"], 5, "someday"), row(["u2"], 3, "2026-11-26")],
  ],
  [
    "gives one row of totals without keys",
    query([], [count, of("sum", "amount"), of("min", "closeDate"), of("max", "amount")]),
    [row([], 8, 132.75, "2023-12-31", "7")],
  ],
  [
    "gives one row of totals without keys when nothing matches",
    query(
      [],
      [count, of("count", "amount"), of("sum", "amount"), of("avg", "amount"), of("max", "amount")],
      100,
      { op: "or", children: [] },
    ),
    [row([], 0, 0, null, null, null)],
  ],
  [
    "groups only the records the filter selects",
    query([by("region")], [of("sum", "amount")], 100, {
      op: "compare",
      field: "stage",
      operator: "==",
      value: "won",
    }),
    [row(["north"], 100), row(["south"], 50.5)],
  ],
  [
    "returns the first groups in key order up to the limit",
    query([by("stage")], [count], 2),
    [row([null], 2), row([5], 1)],
  ],
  ["returns nothing with a limit of 0", query([by("stage")], [count], 0), []],
  ["gives one row without keys or measures", query([], []), [row([])]],
  ["groups without measures", query([by("region")], []), [row([null]), row(["north"]), row(["south"])]],
];

/** Queries the store refuses with a RangeError before reading anything. */
export const REFUSED_QUERIES: ReadonlyArray<[string, AggregateQuery]> = [
  ["three keys", query([by("stage"), by("region"), by("closed")], [count])],
  ["sum without a field", query([], [{ operation: "sum" }])],
  ["an unknown operation", query([], [{ operation: "median" as "sum", field: "amount" }])],
  ["an unknown bucket", query([by("closeDate", "decade" as "year")], [count])],
  ["a negative limit", query([by("stage")], [count], -1)],
  ["a fractional limit", query([by("stage")], [count], 1.5)],
  ["a key that is no field name", query([by("stage') OR 1=1 --")], [count])],
  ["a measure on no field name", query([], [of("sum", "$where")])],
];

export const describeRecordAggregates = (createStore: StoreFactory): void => {
  describe("aggregates group and summarize the matching records", () => {
    const fx = useStoreFixture(createStore);
    beforeEach(async () => {
      await publishSchema(fx.acme, aSchema().withObject("opportunity").withObject("note").build());
      for (const record of OPPORTUNITIES) await fx.acme.insertRecord("opportunity", record);
    });

    it.each(DATE_BUCKETS)("buckets by %s as dateBucketKey does", async (bucket) => {
      for (const field of ["closeDate", "lastContact", "createdAt"]) {
        const keys = OPPORTUNITIES.map((record) => bucketKeyOf(record[field], bucket));
        const expected = [...new Set(keys)].sort((a, b) =>
          a === null ? -1 : b === null ? 1 : a < b ? -1 : 1,
        );
        const rows = await fx.acme.aggregate("opportunity", query([by(field, bucket)], []));
        expect(rows.map((r) => r.keys[0])).toEqual(expected);
      }
    });

    it.each(AGGREGATE_CASES)("%s", async (_name, aggregate, expected) => {
      expect(await fx.acme.aggregate("opportunity", aggregate)).toEqual(expected);
    });

    it("refuses a grouping key holding arrays (a multi-valued field)", async () => {
      await fx.acme.insertRecord(
        "opportunity",
        aRecord("a9")
          .withValues({ region: "west", tags: ["vip"] })
          .build(),
      );
      await expect(fx.acme.aggregate("opportunity", query([by("tags")], [count]))).rejects.toThrow(
        RangeError,
      );
      await expect(
        fx.acme.aggregate("opportunity", query([by("region"), by("tags")], [count], 1)),
      ).rejects.toThrow(/not a grouping key/);
      // A filter leaving out every record with an array makes the key usable again.
      const filter: FilterNode = { op: "missing", field: "tags" };
      expect(await fx.acme.aggregate("opportunity", query([by("tags")], [count], 100, filter))).toEqual([
        row([null], 8),
      ]);
    });

    it.each(REFUSED_QUERIES)("refuses %s", async (_name, aggregate) => {
      await expect(fx.acme.aggregate("opportunity", aggregate)).rejects.toThrow(RangeError);
    });

    it("answers for an object without records, and refuses an object without storage", async () => {
      expect(await fx.acme.aggregate("note", query([by("stage")], [count]))).toEqual([]);
      expect(await fx.acme.aggregate("note", query([], [count, of("sum", "amount")]))).toEqual([
        row([], 0, null),
      ]);
      await expectStoreError(fx.acme.aggregate("nothing", query([], [count])), "unknownObject");
    });

    it("changes nothing", async () => {
      await fx.acme.aggregate(
        "opportunity",
        query([by("stage"), by("closeDate", "week")], [count, of("sum", "amount")]),
      );
      const page = await fx.acme.findRecords("opportunity", { sort: [], limit: 100 });
      expect(page.records.sort((a, b) => a.id.localeCompare(b.id))).toEqual(OPPORTUNITIES);
    });
  });
};
