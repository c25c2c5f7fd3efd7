import { describe, expect, it } from "vitest";
import {
  accepts,
  columnId,
  dragKindOf,
  dragOverField,
  dropField,
  dropSlot,
  keyboardTargets,
  PALETTE_ID,
  paletteField,
  paletteFieldId,
  parseColumnId,
  parseRelatedId,
  RELATED_AREA_ID,
  relatedDropIndex,
  sectionKeys,
  stepTarget,
} from "../../../designer/src/layouts/layout-drag.js";
import { layoutColumns, type SectionColumns } from "../../../designer/src/layouts/layout-moves.js";
import { layoutOf, section } from "./site-visit.js";

/** Two sections: s (2 columns: a, c | b) and t (1 column: d). */
const columns = () =>
  layoutColumns(
    layoutOf(
      section("s", 2, [{ field: "a" }, { field: "b" }, { field: "c" }]),
      section("t", 1, [{ field: "d" }]),
    ),
  );
const names = (cols: readonly SectionColumns[]) => cols.map((s) => s.map((c) => c.map((p) => p.item.field)));

describe("drag ids", () => {
  it("tells what is dragged", () => {
    expect(
      [
        "field|a",
        "new-field|a",
        "section|s",
        "related|o.f",
        "new-related|o.f",
        "button|edit",
        "column|0|0",
      ].map(dragKindOf),
    ).toEqual(["field", "field", "section", "related", "related", "button", undefined]);
  });
  it("reads a palette field, a column and a related list back", () => {
    expect(paletteField(paletteFieldId("visitDate"))).toBe("visitDate");
    expect(paletteField("field|visitDate")).toBeUndefined();
    expect(parseColumnId(columnId(1, 2))).toEqual({ section: 1, column: 2 });
    expect(parseColumnId("column|x|1")).toBeUndefined();
    expect(parseRelatedId("new-related|visitReport.visit")).toEqual({
      object: "visitReport",
      field: "visit",
    });
  });
  it("keys sections by id, a repeated id by its position too", () => {
    expect(sectionKeys([{ id: "a" }, { id: "b" }, { id: "a" }])).toEqual([
      "section|a",
      "section|b",
      "section|a|2",
    ]);
  });
});

describe("what a drag may be dropped on", () => {
  it("takes fields onto columns and fields", () => {
    expect(accepts("field|a", "column|0|1")).toBe(true);
    expect(accepts("new-field|a", "field|b")).toBe(true);
  });
  it("takes a placed field, not a palette one, back onto the palette", () => {
    expect(accepts("field|a", PALETTE_ID)).toBe(true);
    expect(accepts("new-field|a", PALETTE_ID)).toBe(false);
  });
  it("keeps sections, related lists and buttons among their own kind", () => {
    expect(accepts("section|s", "section|t")).toBe(true);
    expect(accepts("section|s", "column|0|0")).toBe(false);
    expect(accepts("field|a", "section|s")).toBe(false);
    expect(accepts("new-related|o.f", RELATED_AREA_ID)).toBe(true);
    expect(accepts("related|o.f", "field|a")).toBe(false);
    expect(accepts("button|edit", "button|delete")).toBe(true);
    expect(accepts("button|edit", "related|o.f")).toBe(false);
  });
});

describe("where a field dropped on a target goes", () => {
  it("to the end of a column dropped on", () => {
    expect(dropSlot(columns(), columnId(0, 1))).toEqual({ section: 0, column: 1, index: 1 });
  });
  it("to the place of a field dropped on", () => {
    expect(dropSlot(columns(), "field|c")).toEqual({ section: 0, column: 0, index: 1 });
  });
  it("nowhere for other targets", () => {
    expect(dropSlot(columns(), PALETTE_ID)).toBeUndefined();
    expect(dropSlot(columns(), columnId(5, 0))).toBeUndefined();
  });
});

describe("dragging a field over columns", () => {
  it("puts a palette field in before the field it is over", () => {
    expect(names(dragOverField(columns(), "new-field|x", "field|b"))).toEqual([
      [
        ["a", "c"],
        ["x", "b"],
      ],
      [["d"]],
    ]);
  });
  it("moves a placed field into the other column it is over", () => {
    expect(names(dragOverField(columns(), "field|a", columnId(1, 0)))).toEqual([
      [["c"], ["b"]],
      [["d", "a"]],
    ]);
  });
  it("moves a palette field's placeholder within its column at once", () => {
    const inserted = dragOverField(columns(), "new-field|x", "field|a");
    expect(names(inserted)).toEqual([[["x", "a", "c"], ["b"]], [["d"]]]);
    expect(names(dragOverField(inserted, "new-field|x", columnId(0, 0)))).toEqual([
      [["a", "c", "x"], ["b"]],
      [["d"]],
    ]);
    expect(names(dragOverField(inserted, "new-field|x", "field|x"))).toEqual(names(inserted));
  });
  it("leaves moves of a placed field within its own column to the drop", () => {
    expect(names(dragOverField(columns(), "field|a", "field|c"))).toEqual(names(columns()));
  });
  it("changes nothing over a target that is not a column", () => {
    expect(names(dragOverField(columns(), "field|a", PALETTE_ID))).toEqual(names(columns()));
  });
});

describe("dropping a field", () => {
  it("reorders within a column to the place of the field dropped on", () => {
    expect(names(dropField(columns(), "field|a", "field|c"))).toEqual([[["c", "a"], ["b"]], [["d"]]]);
  });
  it("moves to the end of its own column when dropped on the column", () => {
    expect(names(dropField(columns(), "field|a", columnId(0, 0)))).toEqual([[["c", "a"], ["b"]], [["d"]]]);
  });
  it("moves to another section before the field dropped on", () => {
    expect(names(dropField(columns(), "field|b", "field|d"))).toEqual([[["a", "c"], []], [["b", "d"]]]);
  });
  it("places a palette field before the field dropped on", () => {
    expect(names(dropField(columns(), "new-field|x", "field|a"))).toEqual([
      [["x", "a", "c"], ["b"]],
      [["d"]],
    ]);
  });
  it("places a palette field at the end of an empty column", () => {
    const cols = layoutColumns(layoutOf(section("s", 2, [{ field: "a", column: 0 }])));
    expect(names(dropField(cols, "new-field|x", columnId(0, 1)))).toEqual([[["a"], ["x"]]]);
  });
  it("after a drag-over put a palette field in, keeps it where the drag left it", () => {
    const over = dragOverField(columns(), "new-field|x", "field|d");
    expect(names(dropField(over, "new-field|x", "field|d"))).toEqual([[["a", "c"], ["b"]], [["x", "d"]]]);
    expect(names(dropField(over, "new-field|x", "field|x"))).toEqual([[["a", "c"], ["b"]], [["x", "d"]]]);
  });
  it("changes nothing dropped on a target that is not a column", () => {
    expect(names(dropField(columns(), "field|a", RELATED_AREA_ID))).toEqual(names(columns()));
  });
});

describe("where a related list dropped on a target goes", () => {
  const lists = [
    { object: "visitReport", field: "visit" },
    { object: "visitReport", field: "followUp" },
  ];
  it("to the place of the list dropped on", () => {
    expect(relatedDropIndex(lists, "related|visitReport.followUp")).toBe(1);
  });
  it("to the end when dropped on the area", () => {
    expect(relatedDropIndex(lists, RELATED_AREA_ID)).toBe(2);
  });
  it("nowhere on a palette item or an unknown list", () => {
    expect(relatedDropIndex(lists, "new-related|visitReport.visit")).toBeUndefined();
    expect(relatedDropIndex(lists, "related|other.field")).toBeUndefined();
  });
});

describe("keyboard targets", () => {
  const layout = {
    columns: columns(),
    sections: ["section|s", "section|t"],
    related: [{ object: "visitReport", field: "visit" }],
    buttons: ["edit", "delete"],
  };
  it("steps through a field's targets column by column, each column's end after its fields", () => {
    expect(keyboardTargets("new-field|x", layout)).toEqual([
      "field|a",
      "field|c",
      "column|0|0",
      "field|b",
      "column|0|1",
      "field|d",
      "column|1|0",
    ]);
  });
  it("steps through sections, related lists (then the area's end) and buttons", () => {
    expect(keyboardTargets("section|s", layout)).toEqual(["section|s", "section|t"]);
    expect(keyboardTargets("new-related|visitReport.followUp", layout)).toEqual([
      "related|visitReport.visit",
      RELATED_AREA_ID,
    ]);
    expect(keyboardTargets("button|edit", layout)).toEqual(["button|edit", "button|delete"]);
  });
  it("moves forward and back, staying at the ends", () => {
    const targets = ["a", "b", "c"];
    expect(stepTarget(targets, "a", true)).toBe("b");
    expect(stepTarget(targets, "c", true)).toBe("c");
    expect(stepTarget(targets, "b", false)).toBe("a");
    expect(stepTarget(targets, "a", false)).toBe("a");
  });
  it("enters at the first target going forward and the last going back", () => {
    expect(stepTarget(["a", "b"], "new-field|x", true)).toBe("a");
    expect(stepTarget(["a", "b"], undefined, false)).toBe("b");
    expect(stepTarget([], "a", true)).toBeUndefined();
  });
});
