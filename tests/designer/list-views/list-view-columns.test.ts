import { describe, expect, it } from "vitest";
import {
  addColumn,
  availableFields,
  COLUMNS_ID,
  columnIds,
  columnsAfterDrop,
  insertColumn,
  MAX_COLUMNS,
  moveColumn,
  PALETTE_ID,
  paletteItemId,
  removeColumn,
} from "../../../designer/src/list-views/list-view-columns.js";
import { dealObject } from "./deal-object.js";

const fifty = Array.from({ length: MAX_COLUMNS }, (_, i) => `f${i}`);

describe("drag ids of columns", () => {
  it("names each column by its field", () => {
    expect(columnIds(["title", "stage"])).toEqual(["column:title", "column:stage"]);
  });

  it("keeps ids unique when a field is shown twice", () => {
    expect(columnIds(["title", "stage", "title", "title"])).toEqual([
      "column:title",
      "column:stage",
      "column:title#2",
      "column:title#3",
    ]);
  });

  it("names palette items apart from columns", () => {
    expect(paletteItemId("amount")).toBe("palette:amount");
  });
});

describe("fields available as columns", () => {
  it("lists the declared fields not shown yet, in the object's order", () => {
    expect(availableFields(dealObject(), ["amount", "title"]).map((f) => f.name)).toEqual([
      "stage",
      "closeDate",
      "company",
      "salesRep",
      "tags",
    ]);
  });

  it("is empty when every field is shown", () => {
    const all = dealObject().fields.map((f) => f.name);
    expect(availableFields(dealObject(), all)).toEqual([]);
  });
});

describe("adding and inserting columns", () => {
  it("adds a field after the last column", () => {
    expect(addColumn(["title"], "amount")).toEqual(["title", "amount"]);
  });

  it("inserts a field at a position", () => {
    expect(insertColumn(["title", "amount"], 1, "stage")).toEqual(["title", "stage", "amount"]);
  });

  it("clamps a position beyond the end to the end", () => {
    expect(insertColumn(["title"], 9, "stage")).toEqual(["title", "stage"]);
  });

  it("does not show a field twice", () => {
    expect(addColumn(["title", "amount"], "title")).toEqual(["title", "amount"]);
  });

  it("refuses a 51st column", () => {
    expect(addColumn(fifty, "extra")).toEqual(fifty);
  });

  it("leaves the given list untouched", () => {
    const columns = ["title"];
    addColumn(columns, "amount");
    expect(columns).toEqual(["title"]);
  });
});

describe("removing and moving columns", () => {
  it("removes the column at a position", () => {
    expect(removeColumn(["title", "stage", "amount"], 1)).toEqual(["title", "amount"]);
  });

  it("removes only the given occurrence of a field shown twice", () => {
    expect(removeColumn(["title", "stage", "title"], 2)).toEqual(["title", "stage"]);
  });

  it("keeps the last column, since a list view shows at least one", () => {
    expect(removeColumn(["title"], 0)).toEqual(["title"]);
  });

  it("ignores a position outside the list", () => {
    expect(removeColumn(["title", "stage"], 5)).toEqual(["title", "stage"]);
  });

  it("moves a column down and up", () => {
    expect(moveColumn(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveColumn(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
  });
});

describe("drops on the columns editor", () => {
  const columns = ["title", "stage", "amount"];

  it("puts a palette field dropped on a column before that column", () => {
    expect(columnsAfterDrop(columns, "palette:closeDate", "column:stage")).toEqual([
      "title",
      "closeDate",
      "stage",
      "amount",
    ]);
  });

  it("appends a palette field dropped on the column list", () => {
    expect(columnsAfterDrop(columns, "palette:closeDate", COLUMNS_ID)).toEqual([
      "title",
      "stage",
      "amount",
      "closeDate",
    ]);
  });

  it("ignores a palette field dropped back on the palette", () => {
    expect(columnsAfterDrop(columns, "palette:closeDate", PALETTE_ID)).toEqual(columns);
  });

  it("ignores a palette field that is already a column", () => {
    expect(columnsAfterDrop(columns, "palette:stage", COLUMNS_ID)).toEqual(columns);
  });

  it("moves a column dropped on another into its place", () => {
    expect(columnsAfterDrop(columns, "column:title", "column:amount")).toEqual(["stage", "amount", "title"]);
    expect(columnsAfterDrop(columns, "column:amount", "column:title")).toEqual(["amount", "title", "stage"]);
  });

  it("moves a column dropped on the list to the end", () => {
    expect(columnsAfterDrop(columns, "column:title", COLUMNS_ID)).toEqual(["stage", "amount", "title"]);
  });

  it("removes a column dragged back to the palette or onto a palette field", () => {
    expect(columnsAfterDrop(columns, "column:stage", PALETTE_ID)).toEqual(["title", "amount"]);
    expect(columnsAfterDrop(columns, "column:stage", "palette:closeDate")).toEqual(["title", "amount"]);
  });

  it("keeps the last column even when it is dragged to the palette", () => {
    expect(columnsAfterDrop(["title"], "column:title", PALETTE_ID)).toEqual(["title"]);
  });

  it("changes nothing without a target or with unknown ids", () => {
    expect(columnsAfterDrop(columns, "column:title", undefined)).toEqual(columns);
    expect(columnsAfterDrop(columns, "column:title", "column:nothing")).toEqual(columns);
    expect(columnsAfterDrop(columns, "sort:title", COLUMNS_ID)).toEqual(columns);
    expect(columnsAfterDrop(columns, "palette:closeDate", "elsewhere")).toEqual(columns);
  });

  it("moves the second occurrence of a field shown twice by its own id", () => {
    expect(columnsAfterDrop(["title", "stage", "title"], "column:title#2", "column:title")).toEqual([
      "title",
      "title",
      "stage",
    ]);
  });

  it("refuses a palette drop on a full list", () => {
    expect(columnsAfterDrop(fifty, "palette:extra", "column:f0")).toEqual(fifty);
  });
});
