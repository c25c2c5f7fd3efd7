import { describe, expect, it } from "vitest";
import {
  addSortKey,
  isSortableField,
  moveSortKey,
  removeSortKey,
  type SortKey,
  setSortDirection,
  sortableFieldNames,
  sortKeyIds,
  sortParameter,
} from "../../../designer/src/list-views/list-view-sort.js";
import { checkbox, formula, geolocation, masterDetail, time } from "../../metadata/builders.js";
import { dealObject } from "./deal-object.js";

const dealField = (name: string) => {
  const field = dealObject().fields.find((f) => f.name === name);
  if (field === undefined) throw new Error(`no field ${name}`);
  return field;
};

const keys: SortKey[] = [
  { field: "stage", direction: "asc" },
  { field: "amount", direction: "desc" },
];

describe("fields a list view may be sorted by", () => {
  it("offers the declared values the store orders, then the creation and change dates", () => {
    expect(sortableFieldNames(dealObject())).toEqual([
      "title",
      "stage",
      "amount",
      "closeDate",
      "createdAt",
      "updatedAt",
    ]);
  });

  it("leaves out references, which would sort by record id", () => {
    expect(isSortableField(dealField("company"))).toBe(false);
    expect(isSortableField(dealField("salesRep"))).toBe(false);
    expect(isSortableField(masterDetail("account", { reference: "account" }))).toBe(false);
  });

  it("leaves out lists and objects, which have no order", () => {
    expect(isSortableField(geolocation("where"))).toBe(false);
    expect(isSortableField(dealField("tags"))).toBe(false);
  });

  it("keeps booleans, times and formulas with an ordered result", () => {
    expect(isSortableField(checkbox("won"))).toBe(true);
    expect(isSortableField(time("at"))).toBe(true);
    expect(isSortableField(formula("score", { expression: 1, returnType: "number" }))).toBe(true);
  });
});

describe("editing sort keys", () => {
  it("adds a field ascending as the least significant key", () => {
    expect(addSortKey(keys, "title")).toEqual([...keys, { field: "title", direction: "asc" }]);
  });

  it("does not sort by a field twice", () => {
    expect(addSortKey(keys, "amount")).toEqual(keys);
  });

  it("refuses a sixth key", () => {
    const five = ["a", "b", "c", "d", "e"].map((field): SortKey => ({ field, direction: "asc" }));
    expect(addSortKey(five, "f")).toEqual(five);
  });

  it("removes a key, even the last one", () => {
    expect(removeSortKey(keys, 0)).toEqual([{ field: "amount", direction: "desc" }]);
    expect(removeSortKey([{ field: "stage", direction: "asc" }], 0)).toEqual([]);
  });

  it("reorders keys", () => {
    expect(moveSortKey(keys, 1, 0)).toEqual([
      { field: "amount", direction: "desc" },
      { field: "stage", direction: "asc" },
    ]);
  });

  it("sets one key's direction and leaves the others", () => {
    expect(setSortDirection(keys, 0, "desc")).toEqual([
      { field: "stage", direction: "desc" },
      { field: "amount", direction: "desc" },
    ]);
  });

  it("leaves the given keys untouched", () => {
    const before = structuredClone(keys);
    setSortDirection(keys, 1, "asc");
    addSortKey(keys, "title");
    expect(keys).toEqual(before);
  });
});

describe("sort ids and the API's sort parameter", () => {
  it("gives each key a unique drag id", () => {
    expect(sortKeyIds([...keys, { field: "stage", direction: "desc" }])).toEqual([
      "sort:stage",
      "sort:amount",
      "sort:stage#2",
    ]);
  });

  it("writes descending keys with a minus, most significant first", () => {
    expect(sortParameter(keys)).toBe("stage,-amount");
  });

  it("has no parameter without keys", () => {
    expect(sortParameter([])).toBeUndefined();
  });
});
