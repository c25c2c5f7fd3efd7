import { describe, expect, it } from "vitest";
import {
  checkListView,
  expressionsOfListView,
  ListViewSchema,
} from "../../../metadata/src/kinds/list-view.js";
import { aListView } from "./builders.js";
import { findings, sampleContext } from "./context.js";
import { refusedAt } from "./schema-errors.js";

describe("listView schema", () => {
  it("accepts the sample list view", () => {
    expect(refusedAt(ListViewSchema, aListView())).toEqual([]);
  });

  it("refuses a list view without columns", () => {
    expect(refusedAt(ListViewSchema, { ...aListView(), columns: [] })).toEqual(["/columns"]);
  });

  it("refuses more than 50 columns", () => {
    const columns = Array.from({ length: 51 }, (_, i) => `field${i}`);
    expect(refusedAt(ListViewSchema, { ...aListView(), columns })).toEqual(["/columns"]);
  });

  it("refuses more than 5 sort keys", () => {
    const sort = Array.from({ length: 6 }, () => ({ field: "amount", direction: "asc" }));
    expect(refusedAt(ListViewSchema, { ...aListView(), sort })).toEqual(["/sort"]);
  });

  it("refuses a sort direction other than asc or desc", () => {
    const sort = [{ field: "amount", direction: "up" }];
    expect(refusedAt(ListViewSchema, { ...aListView(), sort })).toContain("/sort/0/direction");
  });

  it("refuses a page size outside 10..200", () => {
    expect(refusedAt(ListViewSchema, { ...aListView(), pageSize: 500 })).toEqual(["/pageSize"]);
    expect(refusedAt(ListViewSchema, { ...aListView(), pageSize: 5 })).toEqual(["/pageSize"]);
  });

  it("refuses an unknown scope", () => {
    expect(refusedAt(ListViewSchema, { ...aListView(), scope: "everyone" })).toContain("/scope");
  });
});

describe("listView checks", () => {
  it("accepts the sample list view", () => {
    expect(checkListView(aListView(), sampleContext())).toEqual([]);
  });

  it("reports an unknown object", () => {
    expect(findings(checkListView(aListView({ object: "nope" }), sampleContext()))).toEqual([
      { code: "listView.unknownObject", path: "/object" },
    ]);
  });

  it("reports columns and sort fields the object does not have", () => {
    const view = aListView({
      columns: ["number", "total"],
      sort: [{ field: "closeDate", direction: "asc" }],
    });
    expect(findings(checkListView(view, sampleContext()))).toEqual([
      { code: "listView.unknownField", path: "/columns/1" },
      { code: "listView.unknownField", path: "/sort/0/field" },
    ]);
  });

  it("reports the tenant system field, which never leaves the engine", () => {
    expect(findings(checkListView(aListView({ columns: ["tenant"] }), sampleContext()))).toEqual([
      { code: "listView.unknownField", path: "/columns/0" },
    ]);
  });

  it("reports a column shown twice and a field sorted twice", () => {
    const view = aListView({
      columns: ["amount", "amount"],
      sort: [
        { field: "amount", direction: "asc" },
        { field: "amount", direction: "desc" },
      ],
    });
    expect(findings(checkListView(view, sampleContext()))).toEqual([
      { code: "listView.duplicateColumn", path: "/columns/1" },
      { code: "listView.duplicateSort", path: "/sort/1/field" },
    ]);
  });
});

describe("listView expressions", () => {
  it("lists the filter as a filter on the list view's object", () => {
    expect(expressionsOfListView(aListView())).toEqual([
      {
        path: "/filter",
        expression: { "==": [{ var: "status" }, "sent"] },
        object: "invoice",
        mode: "filter",
      },
    ]);
  });

  it("lists nothing without a filter", () => {
    expect(expressionsOfListView(aListView({ filter: undefined }))).toEqual([]);
  });
});
