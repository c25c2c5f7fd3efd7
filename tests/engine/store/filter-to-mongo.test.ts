import { evaluateFilter, type FilterNode, type JsonValue } from "@tessera/metadata";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filterToMongo } from "../../../engine/src/store/mongo/filter-to-mongo.js";
import type { StoredRecord } from "../../../engine/src/store/store-port.js";
import { aRecord } from "./builders.js";
import { DEALS, FILTER_CASES } from "./conformance/record-filters.js";
import { filterNode, recordValueSets, systemFieldsOf } from "./filter-arbitraries.js";
import { replaceItems, useItemStore } from "./item-store.js";
import { mingoIds } from "./mingo-select.js";
import { metacharacterFilter, metacharacterRecords } from "./mongo-filter-arbitraries.js";

const eq = (field: string, value: string | number | boolean | null): FilterNode => ({
  op: "compare",
  field,
  operator: "==",
  value,
});

const acceptedIds = (filter: FilterNode, rows: readonly StoredRecord[]): string[] =>
  rows
    .filter((record) => evaluateFilter(filter, record))
    .map((record) => record.id)
    .sort();

const NOT_ARRAY = { $not: { $type: "array" } };
const NOTHING = { _id: { $in: [] } };

/** The compiled form of contains/startsWith with `pattern` (see the first text test for its shape). */
const textMatch = (field: string, pattern: string) => ({
  $or: [
    { [`__lower.${field}`]: { $regex: pattern } },
    { [field]: { $regex: pattern, $type: "string", ...NOT_ARRAY }, [`__lower.${field}`]: { $exists: false } },
  ],
});

describe("filterToMongo: comparisons", () => {
  it("compiles == to $eq guarded against arrays", () => {
    expect(filterToMongo(eq("amount", 5))).toEqual({ amount: { $eq: 5, ...NOT_ARRAY } });
    expect(filterToMongo(eq("stage", "won"))).toEqual({ stage: { $eq: "won", ...NOT_ARRAY } });
    expect(filterToMongo(eq("closed", true))).toEqual({ closed: { $eq: true, ...NOT_ARRAY } });
  });

  it("compiles == null to missing: absent or null, not an array holding null", () => {
    expect(filterToMongo(eq("stage", null))).toEqual({ stage: { $eq: null, ...NOT_ARRAY } });
  });

  it("compiles != to the $nor of ==, so missing values match", () => {
    expect(filterToMongo({ op: "compare", field: "stage", operator: "!=", value: "won" })).toEqual({
      $nor: [{ stage: { $eq: "won", ...NOT_ARRAY } }],
    });
  });

  it("compiles < <= > >= with the value's $type", () => {
    const compare = (operator: "<" | "<=" | ">" | ">=", value: string | number): FilterNode => ({
      op: "compare",
      field: "amount",
      operator,
      value,
    });
    expect(filterToMongo(compare("<", 5))).toEqual({ amount: { $lt: 5, $type: "number", ...NOT_ARRAY } });
    expect(filterToMongo(compare("<=", 5))).toEqual({ amount: { $lte: 5, $type: "number", ...NOT_ARRAY } });
    expect(filterToMongo(compare(">", "2024-01-01"))).toEqual({
      amount: { $gt: "2024-01-01", $type: "string", ...NOT_ARRAY },
    });
    expect(filterToMongo(compare(">=", "b"))).toEqual({
      amount: { $gte: "b", $type: "string", ...NOT_ARRAY },
    });
  });

  it("compiles an ordering against null or a boolean to nothing", () => {
    expect(filterToMongo({ op: "compare", field: "amount", operator: "<", value: null })).toEqual(NOTHING);
    expect(filterToMongo({ op: "compare", field: "amount", operator: ">", value: true })).toEqual(NOTHING);
  });

  it("compiles between to both bounds of one type", () => {
    expect(
      filterToMongo({
        op: "between",
        field: "amount",
        low: 1,
        high: 5,
        lowInclusive: true,
        highInclusive: false,
      }),
    ).toEqual({ amount: { $gte: 1, $lt: 5, $type: "number", ...NOT_ARRAY } });
    expect(
      filterToMongo({
        op: "between",
        field: "day",
        low: "a",
        high: "b",
        lowInclusive: false,
        highInclusive: true,
      }),
    ).toEqual({ day: { $gt: "a", $lte: "b", $type: "string", ...NOT_ARRAY } });
  });

  it("compiles between of two types to nothing", () => {
    expect(
      filterToMongo({
        op: "between",
        field: "amount",
        low: 1,
        high: "5",
        lowInclusive: true,
        highInclusive: true,
      }),
    ).toEqual(NOTHING);
  });
});

describe("filterToMongo: lists, text and arrays", () => {
  it("compiles in to $in over scalars", () => {
    expect(filterToMongo({ op: "in", field: "stage", values: ["won", 5] })).toEqual({
      stage: { $in: ["won", 5], ...NOT_ARRAY },
    });
  });

  it("compiles in of nothing to nothing", () => {
    expect(filterToMongo({ op: "in", field: "stage", values: [] })).toEqual(NOTHING);
  });

  it("compiles contains to a literal pattern of the lower-cased text, matched against lower-case copies", () => {
    expect(filterToMongo({ op: "contains", field: "name", value: "Café" })).toEqual({
      $or: [
        { "__lower.name": { $regex: "café" } },
        { name: { $regex: "café", $type: "string", ...NOT_ARRAY }, "__lower.name": { $exists: false } },
      ],
    });
  });

  it("compiles startsWith to an anchored literal pattern", () => {
    expect(filterToMongo({ op: "startsWith", field: "name", value: "AB" })).toEqual(textMatch("name", "^ab"));
  });

  it("compiles includes to $eq on an array's top-level elements", () => {
    expect(filterToMongo({ op: "includes", field: "tags", value: "vip" })).toEqual({
      tags: { $type: "array", $eq: "vip" },
    });
  });

  it("compiles missing", () => {
    expect(filterToMongo({ op: "missing", field: "name" })).toEqual({ name: { $eq: null, ...NOT_ARRAY } });
  });
});

describe("filterToMongo: logic", () => {
  const a = eq("a", 1);
  const b = eq("b", 2);

  it("compiles and, or and not to $and, $or and $nor", () => {
    expect(filterToMongo({ op: "and", children: [a, b] })).toEqual({
      $and: [filterToMongo(a), filterToMongo(b)],
    });
    expect(filterToMongo({ op: "or", children: [a, b] })).toEqual({
      $or: [filterToMongo(a), filterToMongo(b)],
    });
    expect(filterToMongo({ op: "not", child: a })).toEqual({ $nor: [filterToMongo(a)] });
  });

  it("compiles true and the empty and to everything, the empty or to nothing", () => {
    expect(filterToMongo({ op: "true" })).toEqual({});
    expect(filterToMongo({ op: "and", children: [] })).toEqual({});
    expect(filterToMongo({ op: "or", children: [] })).toEqual(NOTHING);
  });

  it("maps the id field to _id", () => {
    expect(filterToMongo(eq("id", "r1"))).toEqual({ _id: { $eq: "r1", ...NOT_ARRAY } });
  });
});

describe("filterToMongo: injection", () => {
  it("keeps an operator-looking string a literal operand", () => {
    const filter = eq("name", '{"$gt": ""}');
    expect(filterToMongo(filter)).toEqual({ name: { $eq: '{"$gt": ""}', ...NOT_ARRAY } });
    const rows = [aRecord("r1").with("name", "x").build(), aRecord("r2").with("name", '{"$gt": ""}').build()];
    expect(mingoIds(filter, rows)).toEqual(["r2"]);
  });

  it("refuses an object where a value belongs", () => {
    const smuggled = {
      op: "compare",
      field: "name",
      operator: "==",
      value: { $gt: "" },
    } as unknown as FilterNode;
    expect(() => filterToMongo(smuggled)).toThrow(TypeError);
    const listed = { op: "in", field: "name", values: [{ $ne: null }] } as unknown as FilterNode;
    expect(() => filterToMongo(listed)).toThrow(TypeError);
    const text = { op: "contains", field: "name", value: { $regex: ".*" } } as unknown as FilterNode;
    expect(() => filterToMongo(text)).toThrow(TypeError);
  });

  it("refuses a number that is not finite", () => {
    expect(() => filterToMongo(eq("amount", Number.NaN))).toThrow(TypeError);
  });

  it.each(["$where", "a.b", "_id", "__proto__", "constructor", "", "a b", "a\u0000"])(
    "refuses the field name %j",
    (field) => {
      expect(() => filterToMongo(eq(field, 1))).toThrow(RangeError);
      expect(() => filterToMongo({ op: "missing", field })).toThrow(RangeError);
    },
  );

  it("accepts engine-internal fields", () => {
    expect(filterToMongo({ op: "missing", field: "_approval" })).toEqual({
      _approval: { $eq: null, ...NOT_ARRAY },
    });
  });

  it("escapes every regex metacharacter", () => {
    expect(filterToMongo({ op: "contains", field: "name", value: ".*(a+)+$" })).toEqual(
      textMatch("name", "\\.\\*\\(a\\+\\)\\+\\$"),
    );
    expect(filterToMongo({ op: "startsWith", field: "name", value: "[^|]{2}\\?" })).toEqual(
      textMatch("name", "^\\[\\^\\|\\]\\{2\\}\\\\\\?"),
    );
  });

  it("writes NUL as an escape, since the server refuses NUL in patterns", () => {
    expect(filterToMongo({ op: "contains", field: "name", value: "a\u0000b" })).toEqual(
      textMatch("name", "a\\x00b"),
    );
  });

  it("matches metacharacters literally", () => {
    const rows = [
      aRecord("r1").with("name", "x.*(a+)+$y").build(),
      aRecord("r2").with("name", "xaaaay").build(),
      aRecord("r3").with("name", "anything").build(),
      aRecord("r4").with("name", "a\u0000b").build(),
    ];
    expect(mingoIds({ op: "contains", field: "name", value: ".*(A+)+$" }, rows)).toEqual(["r1"]);
    expect(mingoIds({ op: "startsWith", field: "name", value: "." }, rows)).toEqual([]);
    expect(mingoIds({ op: "contains", field: "name", value: "|" }, rows)).toEqual([]);
    expect(mingoIds({ op: "contains", field: "name", value: "\u0000" }, rows)).toEqual(["r4"]);
  });

  it("stays linear on a ReDoS pattern over a long input", () => {
    const rows = [
      aRecord("r1")
        .with("name", `${"a".repeat(50_000)}!`)
        .build(),
    ];
    const started = performance.now();
    expect(mingoIds({ op: "contains", field: "name", value: "(a+)+$" }, rows)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

/** Records of the shared generators: the i-th set of values with systemFieldsOf(i). */
const recordsOf = (sets: ReadonlyArray<Record<string, JsonValue>>): StoredRecord[] =>
  sets.map((values, i) => {
    const { id, ownerId } = systemFieldsOf(i);
    return aRecord(id).ownedBy(ownerId).withValues(values).build();
  });

describe("filterToMongo agrees with evaluateFilter (evaluated by mingo)", () => {
  it.each(FILTER_CASES)("%s", (_name, filter, expected) => {
    expect(mingoIds(filter, DEALS)).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ["a needle i finds the i of İ, which lowers to i + U+0307", "i", ["r1", "r2"]],
    ["a lone Σ lowers to σ", "σ", ["r3"]],
    ["a final Σ lowers to ς", "ς", ["r4"]],
    ["ß has no one-letter upper case", "SS", []],
  ])("ignores case as toLowerCase does: %s", (_name, needle, expected) => {
    const rows = [
      aRecord("r1").with("name", "İ").build(),
      aRecord("r2").with("name", "i").build(),
      aRecord("r3").with("name", "Σ").build(),
      aRecord("r4").with("name", "ΑΣ").build(),
      aRecord("r5").with("name", "ß").build(),
    ];
    const filter: FilterNode = { op: "contains", field: "name", value: needle };
    expect(acceptedIds(filter, rows)).toEqual(expected);
    expect(mingoIds(filter, rows)).toEqual(expected);
  });

  it("selects exactly the accepted records for any filter and data set", () => {
    fc.assert(
      fc.property(
        recordValueSets(12),
        fc.array(filterNode, { minLength: 1, maxLength: 10 }),
        (sets, filters) => {
          const rows = recordsOf(sets);
          for (const filter of filters) expect(mingoIds(filter, rows)).toEqual(acceptedIds(filter, rows));
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);

  it("does so with regex metacharacters in values and needles, and with nulls", () => {
    fc.assert(
      fc.property(
        metacharacterRecords,
        fc.array(metacharacterFilter, { minLength: 1, maxLength: 5 }),
        (rows, filters) => {
          for (const filter of filters) expect(mingoIds(filter, rows)).toEqual(acceptedIds(filter, rows));
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);
});

describe("the embedded store and the MongoDB filter (evaluated by mingo) select the same ids", () => {
  const items = useItemStore("tessera-mongo-filter-");

  it("for any filter and data set", async () => {
    await fc.assert(
      fc.asyncProperty(
        recordValueSets(10),
        fc.array(filterNode, { minLength: 10, maxLength: 30 }),
        async (sets, filters) => {
          const rows = recordsOf(sets);
          await replaceItems(items.acme, rows);
          for (const filter of filters) {
            const page = await items.acme.findRecords("item", { filter, sort: [], limit: 1000 });
            expect(page.records.map((r) => r.id).sort()).toEqual(mingoIds(filter, rows));
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
