import type { LayoutItem, LayoutSection } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import {
  addPanelSection,
  addSection,
  clearPanelItems,
  effectiveColumn,
  findSlot,
  insertAt,
  itemPointer,
  itemsOfColumns,
  layoutColumns,
  moveField,
  moveSection,
  moveTo,
  newSectionId,
  placedFieldNames,
  placedId,
  placedPointer,
  placeField,
  removeField,
  removeFrom,
  removeSection,
  setSectionColumns,
  updateConditions,
  updateSection,
  withColumns,
} from "../../../designer/src/layouts/layout-moves.js";
import { layoutOf, section } from "./site-visit.js";

const ids = (layout: ReturnType<typeof layoutOf>) =>
  layoutColumns(layout).map((s) => s.map((c) => c.map((p) => p.item.field)));

const PLANNED = { "==": [{ var: "status" }, "planned"] };

describe("the column an item is shown in", () => {
  it("is its own column when it has one", () => {
    expect(effectiveColumn({ field: "a", column: 1 }, 0, 2)).toBe(1);
  });
  it("is index % columns without one, as the runtime places it", () => {
    expect([0, 1, 2, 3].map((i) => effectiveColumn({ field: "a" }, i, 2))).toEqual([0, 1, 0, 1]);
  });
  it("is the last column when its own is past the section's columns", () => {
    expect(effectiveColumn({ field: "a", column: 2 }, 0, 2)).toBe(1);
  });
});

describe("the designer's columns of a layout", () => {
  it("splits implicit items by index % columns and keeps their order in each column", () => {
    const layout = layoutOf(
      section("s", 2, [{ field: "a" }, { field: "b" }, { field: "c" }, { field: "d" }]),
    );
    expect(ids(layout)).toEqual([
      [
        ["a", "c"],
        ["b", "d"],
      ],
    ]);
  });
  it("honours explicit columns mixed with implicit ones", () => {
    const layout = layoutOf(
      section("s", 3, [{ field: "a", column: 2 }, { field: "b" }, { field: "c", column: 0 }]),
    );
    // b is index 1: 1 % 3 = column 1.
    expect(ids(layout)).toEqual([[["c"], ["b"], ["a"]]]);
  });
  it("gives every placement a drag id unique in the layout, repeats included", () => {
    const layout = layoutOf(section("s", 1, [{ field: "a" }]), section("t", 1, [{ field: "a" }]));
    expect(
      layoutColumns(layout)
        .flat(2)
        .map((p) => p.id),
    ).toEqual(["field|a", "field|a|1"]);
  });
  it("keeps an item's conditions with it", () => {
    const layout = layoutOf(section("s", 1, [{ field: "a", visibleWhen: PLANNED }]));
    expect(layoutColumns(layout)[0]?.[0]?.[0]?.item).toEqual({ field: "a", visibleWhen: PLANNED });
  });
});

describe("writing columns back", () => {
  it("writes column by column with each item's column", () => {
    const columns = [
      [{ id: "field|a", item: { field: "a" } }],
      [{ id: "field|b", item: { field: "b", column: 0 } }],
    ];
    expect(itemsOfColumns(columns)).toEqual([
      { field: "a", column: 0 },
      { field: "b", column: 1 },
    ]);
  });
  it("writes no column in a one-column section", () => {
    expect(itemsOfColumns([[{ id: "field|a", item: { field: "a", column: 2 } }]])).toEqual([{ field: "a" }]);
  });
  it("round-trips: the columns of the written layout are the columns written", () => {
    const layout = layoutOf(section("s", 2, [{ field: "a" }, { field: "b" }, { field: "c" }]));
    const columns = layoutColumns(layout);
    const written = layoutOf(section("s", 2, itemsOfColumns(columns[0] ?? [])));
    expect(ids(written)).toEqual(ids(layout));
  });
  it("leaves a section whose arrangement did not change exactly as written", () => {
    const untouched = section("t", 2, [{ field: "c" }, { field: "d" }]);
    const layout = layoutOf(section("s", 1, [{ field: "a" }, { field: "b" }]), untouched);
    const columns = layoutColumns(layout);
    const swapped = [[[...(columns[0]?.[0] ?? [])].reverse()], columns[1] ?? []];
    const next = withColumns(layout, swapped);
    expect(next.sections[0]?.items).toEqual([{ field: "b" }, { field: "a" }]);
    expect(next.sections[1]).toBe(untouched);
  });
});

describe("finding, inserting, removing and moving in columns", () => {
  const columns = () =>
    layoutColumns(layoutOf(section("s", 2, [{ field: "a" }, { field: "b" }, { field: "c" }])));
  it("finds an item's slot", () => {
    expect(findSlot(columns(), "field|c")).toEqual({ section: 0, column: 0, index: 1 });
    expect(findSlot(columns(), "field|x")).toBeUndefined();
  });
  it("inserts at an index, clamped to the column's end", () => {
    const next = insertAt(
      columns(),
      { id: "field|x", item: { field: "x" } },
      { section: 0, column: 1, index: 9 },
    );
    expect(next[0]?.[1]?.map((p) => p.id)).toEqual(["field|b", "field|x"]);
  });
  it("ignores an insert into a column that does not exist", () => {
    const next = insertAt(
      columns(),
      { id: "field|x", item: { field: "x" } },
      { section: 0, column: 2, index: 0 },
    );
    expect(next).toEqual(columns());
  });
  it("removes an item, and nothing when it is not there", () => {
    expect(removeFrom(columns(), "field|a")[0]?.[0]?.map((p) => p.id)).toEqual(["field|c"]);
    expect(removeFrom(columns(), "field|x")).toEqual(columns());
  });
  it("moves within a column to the index of the item dropped on (a sortable move)", () => {
    const next = moveTo(columns(), "field|a", { section: 0, column: 0, index: 1 });
    expect(next[0]?.[0]?.map((p) => p.id)).toEqual(["field|c", "field|a"]);
  });
  it("moves to another column before the item at the index", () => {
    const next = moveTo(columns(), "field|c", { section: 0, column: 1, index: 0 });
    expect(next[0]?.map((c) => c.map((p) => p.id))).toEqual([["field|a"], ["field|c", "field|b"]]);
  });
  it("does not move to a column that does not exist", () => {
    expect(moveTo(columns(), "field|a", { section: 3, column: 0, index: 0 })).toEqual(columns());
  });
});

describe("placing a field", () => {
  it("places an unplaced field at a section, column and position", () => {
    const layout = layoutOf(
      section("s", 2, [
        { field: "a", column: 0 },
        { field: "b", column: 1 },
      ]),
    );
    const next = placeField(layout, "notes", { section: 0, column: 1, index: 0 });
    expect(next.sections[0]?.items).toEqual([
      { field: "a", column: 0 },
      { field: "notes", column: 1 },
      { field: "b", column: 1 },
    ]);
  });
  it("keeps the other fields where the runtime showed them, writing explicit columns", () => {
    // Without columns: a->0, b->1, c->0. Placing x first would shift them all under index % 2.
    const layout = layoutOf(section("s", 2, [{ field: "a" }, { field: "b" }, { field: "c" }]));
    const next = placeField(layout, "x", { section: 0, column: 0, index: 0 });
    expect(ids(next)).toEqual([[["x", "a", "c"], ["b"]]]);
    expect(next.sections[0]?.items).toEqual([
      { field: "x", column: 0 },
      { field: "a", column: 0 },
      { field: "c", column: 0 },
      { field: "b", column: 1 },
    ]);
  });
  it("moves a field already placed instead of placing it twice", () => {
    const layout = layoutOf(section("s", 1, [{ field: "a" }]), section("t", 1, [{ field: "b" }]));
    const next = placeField(layout, "a", { section: 1, column: 0, index: 1 });
    expect(ids(next)).toEqual([[[]], [["b", "a"]]]);
  });
  it("places into an empty section", () => {
    const layout = layoutOf(section("s", 1, [{ field: "a" }]), section("t", 3, []));
    expect(placeField(layout, "b", { section: 1, column: 2, index: 0 }).sections[1]?.items).toEqual([
      { field: "b", column: 2 },
    ]);
  });
});

describe("moving a placed field", () => {
  it("moves it between sections with its conditions", () => {
    const layout = layoutOf(
      section("s", 1, [{ field: "a", visibleWhen: PLANNED }, { field: "b" }]),
      section("t", 2, [{ field: "c", column: 1 }]),
    );
    const next = moveField(layout, "a", { section: 1, column: 1, index: 0 });
    expect(next.sections[0]?.items).toEqual([{ field: "b" }]);
    expect(next.sections[1]?.items).toEqual([
      { field: "a", visibleWhen: PLANNED, column: 1 },
      { field: "c", column: 1 },
    ]);
  });
  it("reorders within a column", () => {
    const layout = layoutOf(section("s", 1, [{ field: "a" }, { field: "b" }, { field: "c" }]));
    expect(ids(moveField(layout, "c", { section: 0, column: 0, index: 0 }))).toEqual([[["c", "a", "b"]]]);
  });
  it("leaves the layout as it was for a field not placed", () => {
    const layout = layoutOf(section("s", 1, [{ field: "a" }]));
    expect(moveField(layout, "x", { section: 0, column: 0, index: 0 })).toEqual(layout);
  });
});

describe("removing a field", () => {
  it("takes it off and keeps the others in their columns", () => {
    const layout = layoutOf(section("s", 2, [{ field: "a" }, { field: "b" }, { field: "c" }]));
    const next = removeField(layout, "a");
    // c was shown in column 0 (index 2); without a, index % 2 would have moved it to column 1.
    expect(ids(next)).toEqual([[["c"], ["b"]]]);
  });
  it("takes every placement of a repeated field off", () => {
    const layout = layoutOf(
      section("s", 1, [{ field: "a" }, { field: "b" }]),
      section("t", 1, [{ field: "a" }]),
    );
    expect(ids(removeField(layout, "a"))).toEqual([[["b"]], [[]]]);
  });
  it("leaves other sections untouched", () => {
    const other = section("t", 2, [{ field: "c" }]);
    const layout = layoutOf(section("s", 1, [{ field: "a" }]), other);
    expect(removeField(layout, "a").sections[1]).toBe(other);
  });
});

describe("a placement's conditions and pointer", () => {
  const layout = layoutOf(
    section("s", 1, [{ field: "a" }]),
    section("t", 1, [{ field: "b", requiredWhen: PLANNED }]),
  );
  it("points at the item in the document", () => {
    expect(itemPointer(layout, "b")).toBe("/sections/1/items/0");
    expect(itemPointer(layout, "x")).toBeUndefined();
  });
  it("points at a repeated field's later placement by its drag id", () => {
    const repeated = layoutOf(
      section("s", 1, [{ field: "a" }]),
      section("t", 1, [{ field: "b" }, { field: "a" }]),
    );
    expect(placedPointer(repeated, "field|a|1")).toBe("/sections/1/items/1");
    expect(placedPointer(repeated, "field|a")).toBe("/sections/0/items/0");
    expect(placedPointer(repeated, "field|x")).toBeUndefined();
  });
  it("sets a condition", () => {
    expect(updateConditions(layout, "a", { visibleWhen: PLANNED }).sections[0]?.items).toEqual([
      { field: "a", visibleWhen: PLANNED },
    ]);
  });
  it("clears a condition given undefined", () => {
    expect(updateConditions(layout, "b", { requiredWhen: undefined }).sections[1]?.items).toEqual([
      { field: "b" },
    ]);
  });
  it("lists the placed fields", () => {
    expect([...placedFieldNames(layout)]).toEqual(["a", "b"]);
  });
});

describe("sections", () => {
  const layout = layoutOf(
    section("s", 1, [{ field: "a" }]),
    section("t", 2, [{ field: "b" }, { field: "c" }]),
  );
  it("reorders sections", () => {
    expect(moveSection(layout, 1, 0).sections.map((s) => s.id)).toEqual(["t", "s"]);
  });
  it("adds an empty two-column section with a new id", () => {
    const next = addSection(layout, { en: "More" });
    expect(next.sections[2]).toEqual({ id: "section3", label: { en: "More" }, columns: 2, items: [] });
  });
  it("finds an unused section id", () => {
    const taken = layoutOf(section("section2", 1, []), section("section3", 1, []));
    expect(newSectionId(taken)).toBe("section4");
  });
  it("deletes a section, its fields becoming unplaced", () => {
    const next = removeSection(layout, 0);
    expect(next.sections.map((s) => s.id)).toEqual(["t"]);
    expect(placedFieldNames(next).has("a")).toBe(false);
  });
  it("keeps the last section", () => {
    const single = layoutOf(section("s", 1, []));
    expect(removeSection(single, 0)).toBe(single);
  });
  it("sets and clears the collapsed flag and the label", () => {
    const collapsed = updateSection(layout, 0, { collapsed: true, label: { en: "Main" } });
    expect(collapsed.sections[0]).toEqual({
      id: "s",
      label: { en: "Main" },
      columns: 1,
      collapsed: true,
      items: [{ field: "a" }],
    });
    expect(updateSection(collapsed, 0, { collapsed: false }).sections[0]).not.toHaveProperty("collapsed");
  });
});

describe("changing a section's number of columns", () => {
  it("keeps fields in their columns when columns are added", () => {
    const layout = layoutOf(section("s", 2, [{ field: "a" }, { field: "b" }, { field: "c" }]));
    const next = setSectionColumns(layout, 0, 3);
    expect(next.sections[0]?.columns).toBe(3);
    expect(ids(next)).toEqual([[["a", "c"], ["b"], []]]);
  });
  it("moves the fields of removed columns to the new last column, below its own", () => {
    const layout = layoutOf(
      section("s", 3, [
        { field: "a", column: 0 },
        { field: "b", column: 1 },
        { field: "c", column: 2 },
        { field: "d", column: 2 },
      ]),
    );
    expect(ids(setSectionColumns(layout, 0, 2))).toEqual([[["a"], ["b", "c", "d"]]]);
    expect(setSectionColumns(layout, 0, 1).sections[0]?.items).toEqual([
      { field: "a" },
      { field: "b" },
      { field: "c" },
      { field: "d" },
    ]);
  });
  it("changes nothing when the count is the same", () => {
    const layout = layoutOf(section("s", 2, [{ field: "a" }]));
    expect(setSectionColumns(layout, 0, 2)).toBe(layout);
  });
  it("writes no column out of range: every column is below the new count", () => {
    const layout = layoutOf(
      section("s", 3, [
        { field: "a", column: 2 },
        { field: "b", column: 1 },
      ]),
    );
    const columns = (setSectionColumns(layout, 0, 2).sections[0]?.items ?? []).map((i) => i.column);
    expect(columns.every((c) => c === undefined || c < 2)).toBe(true);
  });
});

describe("placed ids", () => {
  it("names the first placement by the field and repeats by occurrence", () => {
    expect([placedId("a"), placedId("a", 2)]).toEqual(["field|a", "field|a|2"]);
  });
});

describe("panel sections", () => {
  const panel = (id: string, widget: string, items: LayoutItem[] = []): LayoutSection => ({
    id,
    type: "panel",
    label: { en: id },
    columns: 1,
    items,
    widget,
  });

  it("adds one at the end with a new id, one column and no items", () => {
    const layout = addPanelSection(
      layoutOf(section("section1", 1, [{ field: "a" }])),
      { en: "Lead score" },
      "sales.leadScore",
    );
    expect(layout.sections[1]).toEqual({
      id: "section2",
      type: "panel",
      label: { en: "Lead score" },
      columns: 1,
      items: [],
      widget: "sales.leadScore",
    });
  });
  it("has no columns to drop fields in", () => {
    const layout = layoutOf(section("s", 1, [{ field: "a" }]), panel("p", "sales.leadScore"));
    expect(ids(layout)).toEqual([[["a"]], []]);
    expect(placeField(layout, "b", { section: 1, column: 0, index: 0 })).toEqual(layout);
    expect(moveField(layout, "a", { section: 1, column: 0, index: 0 })).toEqual(layout);
  });
  it("keeps the drag ids of repeated fields those of their pointers when a panel holds fields", () => {
    const layout = layoutOf(
      panel("p", "sales.leadScore", [{ field: "a" }]),
      section("s", 1, [{ field: "a" }]),
    );
    expect(layoutColumns(layout)[1]?.[0]?.[0]?.id).toBe("field|a|1");
    expect(placedPointer(layout, "field|a|1")).toBe("/sections/1/items/0");
  });
  it("leaves a panel alone when fields move in other sections", () => {
    const layout = layoutOf(
      section("s", 2, [{ field: "a", column: 0 }]),
      panel("p", "sales.leadScore"),
      section("t", 1, []),
    );
    const moved = moveField(layout, "a", { section: 2, column: 0, index: 0 });
    expect(moved.sections[1]).toBe(layout.sections[1]);
    expect(ids(moved)).toEqual([[[], []], [], [["a"]]]);
  });
  it("does not change a panel's columns", () => {
    const layout = layoutOf(section("s", 1, []), panel("p", "sales.leadScore"));
    expect(setSectionColumns(layout, 1, 3)).toBe(layout);
  });
  it("changes the widget, keeping the rest", () => {
    const layout = layoutOf(section("s", 1, []), panel("p", "sales.leadScore"));
    expect(updateSection(layout, 1, { widget: "billing.openInvoices" }).sections[1]).toEqual({
      ...panel("p", "billing.openInvoices"),
    });
  });
  it("takes the fields off a panel holding some, and only off a panel", () => {
    const layout = layoutOf(
      section("s", 1, [{ field: "b" }]),
      panel("p", "sales.leadScore", [{ field: "a" }]),
    );
    expect(clearPanelItems(layout, 1).sections[1]?.items).toEqual([]);
    expect(clearPanelItems(layout, 0).sections[0]?.items).toEqual([{ field: "b" }]);
    expect(placedFieldNames(clearPanelItems(layout, 1))).toEqual(new Set(["b"]));
  });
});
