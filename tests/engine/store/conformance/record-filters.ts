import { evaluateFilter, type FilterNode } from "@tessera/metadata";
import { beforeEach, describe, expect, it } from "vitest";
import type { StoredRecord } from "../../../../engine/src/store/store-port.js";
import { aRecord, aSchema } from "../builders.js";
import { publishSchema, type StoreFactory, sortedIds, useStoreFixture } from "./store-fixture.js";

/** Deals whose values differ in type, case and script, with values missing. */
export const DEALS: readonly StoredRecord[] = [
  aRecord("d1")
    .withValues({
      name: "Éclair Café",
      amount: 5,
      stage: "won",
      closed: true,
      tags: ["vip", "eu"],
      closeDate: "2024-03-01",
    })
    .build(),
  aRecord("d2")
    .withValues({
      name: "éclair",
      amount: "5",
      stage: "Won",
      closed: 1,
      tags: ["VIP"],
      closeDate: "2024-01-15",
    })
    .build(),
  aRecord("d3")
    .withValues({
      name: "北京商机",
      amount: 10.5,
      stage: "lost",
      closed: false,
      tags: [],
      closeDate: "2023-12-31",
    })
    .build(),
  aRecord("d4").withValues({ amount: 0, tags: "vip", closeDate: "2024-02-29" }).build(),
  aRecord("d5").build(),
  aRecord("d6")
    .ownedBy("u2")
    .withValues({
      name: "ACME 北京 Office",
      amount: -3,
      stage: "open",
      closed: false,
      tags: ["eu"],
      closeDate: "2024-03-01",
    })
    .build(),
];

const eq = (field: string, value: string | number | boolean | null): FilterNode => ({
  op: "compare",
  field,
  operator: "==",
  value,
});
const cmp = (
  field: string,
  operator: "!=" | "<" | "<=" | ">" | ">=",
  value: string | number | null,
): FilterNode => ({
  op: "compare",
  field,
  operator,
  value,
});
const not = (child: FilterNode): FilterNode => ({ op: "not", child });
const between = (
  field: string,
  low: string | number,
  high: string | number,
  lowInclusive = true,
  highInclusive = true,
): FilterNode => ({ op: "between", field, low, high, lowInclusive, highInclusive });

const ALL = ["d1", "d2", "d3", "d4", "d5", "d6"];

/** Every filter operator, with the ids evaluateFilter accepts on DEALS. */
export const FILTER_CASES: ReadonlyArray<[string, FilterNode, string[]]> = [
  ["== number is typed", eq("amount", 5), ["d1"]],
  ["== string is typed", eq("amount", "5"), ["d2"]],
  ["== true is not 1", eq("closed", true), ["d1"]],
  ["== 1 is not true", eq("closed", 1), ["d2"]],
  ["== false", eq("closed", false), ["d3", "d6"]],
  ["== 0 is not false", eq("closed", 0), []],
  ["== 0", eq("amount", 0), ["d4"]],
  ["== is case-sensitive", eq("stage", "won"), ["d1"]],
  ["== null is missing", eq("stage", null), ["d4", "d5"]],
  ["!= null has a value", cmp("stage", "!=", null), ["d1", "d2", "d3", "d6"]],
  ["!= matches missing values", cmp("stage", "!=", "won"), ["d2", "d3", "d4", "d5", "d6"]],
  ["not == matches missing values", not(eq("amount", 5)), ["d2", "d3", "d4", "d5", "d6"]],
  ["> number skips strings", cmp("amount", ">", 0), ["d1", "d3"]],
  [">= number", cmp("amount", ">=", 0), ["d1", "d3", "d4"]],
  ["< number skips missing", cmp("amount", "<", 5), ["d4", "d6"]],
  ["<= number", cmp("amount", "<=", 5), ["d1", "d4", "d6"]],
  ["< date string", cmp("closeDate", "<", "2024-02-29"), ["d2", "d3"]],
  ["<= date string", cmp("closeDate", "<=", "2024-02-29"), ["d2", "d3", "d4"]],
  ["< null matches nothing", cmp("amount", "<", null), []],
  ["not < null matches everything", not(cmp("amount", "<", null)), ALL],
  ["not > matches missing and other types", not(cmp("amount", ">", 0)), ["d2", "d4", "d5", "d6"]],
  ["between inclusive", between("amount", 0, 5), ["d1", "d4"]],
  ["between exclusive", between("amount", 0, 10.5, false, false), ["d1"]],
  ["between half-open", between("amount", 0, 5, true, false), ["d4"]],
  ["between dates", between("closeDate", "2024-01-01", "2024-03-01"), ["d1", "d2", "d4", "d6"]],
  [
    "between dates, high exclusive",
    between("closeDate", "2024-01-01", "2024-03-01", true, false),
    ["d2", "d4"],
  ],
  ["between of mixed types", between("amount", 0, "9"), []],
  ["in strings", { op: "in", field: "stage", values: ["won", "lost"] }, ["d1", "d3"]],
  ["in is typed", { op: "in", field: "amount", values: [5, "5"] }, ["d1", "d2"]],
  ["in 0 is not false", { op: "in", field: "closed", values: [0] }, []],
  ["in nothing", { op: "in", field: "stage", values: [] }, []],
  [
    "not in matches missing",
    not({ op: "in", field: "stage", values: ["won"] }),
    ["d2", "d3", "d4", "d5", "d6"],
  ],
  ["contains ignores case", { op: "contains", field: "name", value: "ÉCLAIR" }, ["d1", "d2"]],
  ["contains with accents", { op: "contains", field: "name", value: "café" }, ["d1"]],
  ["contains Chinese", { op: "contains", field: "name", value: "北京" }, ["d3", "d6"]],
  ["contains mixed scripts", { op: "contains", field: "name", value: "acme 北京" }, ["d6"]],
  ["contains nothing: any string", { op: "contains", field: "name", value: "" }, ["d1", "d2", "d3", "d6"]],
  ["contains on strings only", { op: "contains", field: "amount", value: "5" }, ["d2"]],
  [
    "not contains matches missing",
    not({ op: "contains", field: "name", value: "é" }),
    ["d3", "d4", "d5", "d6"],
  ],
  ["startsWith ignores case", { op: "startsWith", field: "name", value: "é" }, ["d1", "d2"]],
  ["startsWith Chinese", { op: "startsWith", field: "name", value: "北京" }, ["d3"]],
  ["startsWith is a prefix", { op: "startsWith", field: "name", value: "office" }, []],
  ["includes an element", { op: "includes", field: "tags", value: "eu" }, ["d1", "d6"]],
  ["includes is case-sensitive and needs an array", { op: "includes", field: "tags", value: "vip" }, ["d1"]],
  ["not includes", not({ op: "includes", field: "tags", value: "vip" }), ["d2", "d3", "d4", "d5", "d6"]],
  ["missing", { op: "missing", field: "name" }, ["d4", "d5"]],
  ["not missing", not({ op: "missing", field: "name" }), ["d1", "d2", "d3", "d6"]],
  ["true", { op: "true" }, ALL],
  ["and of nothing", { op: "and", children: [] }, ALL],
  ["or of nothing", { op: "or", children: [] }, []],
  ["or", { op: "or", children: [eq("stage", "won"), cmp("amount", "<", 0)] }, ["d1", "d6"]],
  [
    "and",
    { op: "and", children: [eq("closed", false), { op: "contains", field: "name", value: "北京" }] },
    ["d3", "d6"],
  ],
  [
    "not of or",
    not({ op: "or", children: [eq("closed", true), { op: "missing", field: "stage" }] }),
    ["d2", "d3", "d6"],
  ],
  ["system field id", eq("id", "d3"), ["d3"]],
  ["system field in", { op: "in", field: "id", values: ["d1", "d6", "zz"] }, ["d1", "d6"]],
  ["system field ownerId", eq("ownerId", "u2"), ["d6"]],
  ["version is a number", eq("version", 1), ALL],
  ["version is not a string", eq("version", "1"), []],
  ["system fields are never missing", { op: "missing", field: "ownerId" }, []],
  ["createdAt is ordered", cmp("createdAt", "<", "2025-01-01T00:00:00.001Z"), ALL],
];

export const describeRecordFilters = (createStore: StoreFactory): void => {
  describe("filters select exactly what evaluateFilter accepts", () => {
    const fx = useStoreFixture(createStore);
    beforeEach(async () => {
      await publishSchema(fx.acme, aSchema().withObject("deal").build());
      for (const deal of DEALS) await fx.acme.insertRecord("deal", deal);
    });

    it.each(FILTER_CASES)("%s", async (_name, filter, expected) => {
      expect(
        DEALS.filter((d) => evaluateFilter(filter, d))
          .map((d) => d.id)
          .sort(),
      ).toEqual(expected);
      const page = await fx.acme.findRecords("deal", { filter, sort: [], limit: 100 });
      expect(sortedIds(page.records)).toEqual(expected);
      expect(await fx.acme.countRecords("deal", filter)).toBe(expected.length);
    });

    it("searches listed fields case-insensitively", async () => {
      const search = async (text: string, fields: string[]) =>
        sortedIds(
          (await fx.acme.findRecords("deal", { search: { text, fields }, sort: [], limit: 100 })).records,
        );
      expect(await search("北京", ["name"])).toEqual(["d3", "d6"]);
      expect(await search("ÉCL", ["name", "stage"])).toEqual(["d1", "d2"]);
      expect(await search("WON", ["stage"])).toEqual(["d1", "d2"]);
      expect(await search("won", ["name"])).toEqual([]);
    });

    it("combines search and filter", async () => {
      const page = await fx.acme.findRecords("deal", {
        filter: eq("stage", "won"),
        search: { text: "éclair", fields: ["name"] },
        sort: [],
        limit: 100,
      });
      expect(sortedIds(page.records)).toEqual(["d1"]);
    });

    it("counts every record without a filter", async () => {
      expect(await fx.acme.countRecords("deal")).toBe(6);
    });
  });
};
