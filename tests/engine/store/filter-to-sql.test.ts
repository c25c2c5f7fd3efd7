import { evaluateFilter, type FilterNode } from "@tessera/metadata";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filterToSql } from "../../../engine/src/store/embedded/index.js";
import { aRecord } from "./builders.js";
import { filterNode, recordValueSets, systemFieldsOf } from "./filter-arbitraries.js";
import { replaceItems, useItemStore } from "./item-store.js";

const eq = (field: string, value: string | number | boolean | null): FilterNode => ({
  op: "compare",
  field,
  operator: "==",
  value,
});

describe("filterToSql writes values as parameters", () => {
  it("binds a value that looks like SQL", () => {
    const value = "x' OR 1=1 --";
    const { sql, params } = filterToSql(eq("name", value));
    expect(sql).toBe("(data ->> '$.name' IS ?)");
    expect(params).toEqual([value]);
  });

  it("binds a list as one JSON parameter", () => {
    expect(filterToSql({ op: "in", field: "stage", values: ["won", "lost"] })).toEqual({
      sql: "(json_type(data, '$.stage') IS 'text' AND data ->> '$.stage' IN (SELECT value FROM json_each(?)))",
      params: ['["won","lost"]'],
    });
  });

  it("lower-cases the needle of contains once, in JavaScript", () => {
    expect(filterToSql({ op: "contains", field: "name", value: "ÉCLAIR" }).params).toEqual(["éclair"]);
  });
});

describe("filterToSql reads fields through index-matching expressions", () => {
  it.each<[FilterNode, string]>([
    [eq("stage", "won"), "(data ->> '$.stage' IS ?)"],
    [eq("ownerId", "u1"), "(owner_id = ?)"],
    [eq("version", "1"), "0"],
    [
      { op: "compare", field: "amount", operator: ">", value: 5 },
      "(coalesce(json_type(data, '$.amount'), '') IN ('integer', 'real') AND data ->> '$.amount' > ?)",
    ],
    [{ op: "missing", field: "address.city" }, "(data ->> '$.address.city' IS NULL)"],
    [{ op: "not", child: eq("closed", true) }, "(NOT (json_type(data, '$.closed') IS 'true'))"],
  ])("%j compiles to %s", (node, sql) => {
    expect(filterToSql(node).sql).toBe(sql);
  });
});

describe("filterToSql refuses field names that are not identifiers", () => {
  it.each(["a'b", "__proto__", "a..b", "constructor", "1a", "a.prototype", "", "a b", 'a"b', "a[0]", "$.a"])(
    "refuses %j",
    (field) => {
      expect(() => filterToSql(eq(field, 1))).toThrow(RangeError);
    },
  );
});

describe("the embedded store selects exactly the records evaluateFilter accepts", () => {
  const items = useItemStore("tessera-filter-");

  it("for random records and filters", async () => {
    await fc.assert(
      fc.asyncProperty(
        recordValueSets(10),
        fc.array(filterNode, { minLength: 10, maxLength: 30 }),
        async (sets, filters) => {
          const records = await replaceItems(
            items.acme,
            sets.map((values, i) => {
              const { id, ownerId } = systemFieldsOf(i);
              return aRecord(id).ownedBy(ownerId).withValues(values).build();
            }),
          );
          for (const filter of filters) {
            const expected = records.filter((r) => evaluateFilter(filter, r)).map((r) => r.id);
            const page = await items.acme.findRecords("item", { filter, sort: [], limit: 1000 });
            expect(page.records.map((r) => r.id)).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});
