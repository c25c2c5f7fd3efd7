import { describe, expect, it } from "vitest";
import {
  FIELD_LIST_END,
  fieldRowId,
  paletteItemId,
  resolveFieldDrop,
  selectionAfterMove,
  selectionAfterRemove,
} from "../../../designer/src/fields/field-drop.js";

describe("dropping a palette item into the field list", () => {
  it("inserts before the row it is dropped on", () => {
    expect(resolveFieldDrop(paletteItemId("date"), fieldRowId(2), 5)).toEqual({
      kind: "insert",
      type: "date",
      index: 2,
    });
  });

  it("inserts at the end when dropped on the end zone", () => {
    expect(resolveFieldDrop(paletteItemId("picklist"), FIELD_LIST_END, 5)).toEqual({
      kind: "insert",
      type: "picklist",
      index: 5,
    });
  });

  it("inserts into an empty list through the end zone", () => {
    expect(resolveFieldDrop(paletteItemId("text"), FIELD_LIST_END, 0)).toEqual({
      kind: "insert",
      type: "text",
      index: 0,
    });
  });

  it("does nothing when dropped outside the list", () => {
    expect(resolveFieldDrop(paletteItemId("date"), undefined, 5)).toBeUndefined();
    expect(resolveFieldDrop(paletteItemId("date"), paletteItemId("text"), 5)).toBeUndefined();
  });

  it("ignores a row id past the end (a stale target) and an unknown field type", () => {
    expect(resolveFieldDrop(paletteItemId("date"), fieldRowId(5), 5)).toBeUndefined();
    expect(resolveFieldDrop("palette:notAType", fieldRowId(1), 5)).toBeUndefined();
  });
});

describe("reordering fields by dragging a row", () => {
  it("moves a row down to the row it is dropped on", () => {
    expect(resolveFieldDrop(fieldRowId(0), fieldRowId(3), 5)).toEqual({ kind: "move", from: 0, to: 3 });
  });

  it("moves a row up", () => {
    expect(resolveFieldDrop(fieldRowId(4), fieldRowId(1), 5)).toEqual({ kind: "move", from: 4, to: 1 });
  });

  it("moves a row to the last place when dropped on the end zone", () => {
    expect(resolveFieldDrop(fieldRowId(1), FIELD_LIST_END, 5)).toEqual({ kind: "move", from: 1, to: 4 });
  });

  it("does nothing when a row is dropped on itself or the last row on the end zone", () => {
    expect(resolveFieldDrop(fieldRowId(2), fieldRowId(2), 5)).toBeUndefined();
    expect(resolveFieldDrop(fieldRowId(4), FIELD_LIST_END, 5)).toBeUndefined();
  });

  it("ignores ids that are neither palette items nor rows", () => {
    expect(resolveFieldDrop("section:1", fieldRowId(2), 5)).toBeUndefined();
    expect(resolveFieldDrop(fieldRowId(9), fieldRowId(2), 5)).toBeUndefined();
  });
});

describe("keeping the selection on the same field", () => {
  it("follows the moved field", () => {
    expect(selectionAfterMove(1, 1, 4)).toBe(4);
  });

  it("shifts up when a field above moves below it", () => {
    expect(selectionAfterMove(2, 0, 3)).toBe(1);
  });

  it("shifts down when a field below moves above it", () => {
    expect(selectionAfterMove(2, 4, 0)).toBe(3);
  });

  it("stays when the move happens elsewhere", () => {
    expect(selectionAfterMove(0, 2, 4)).toBe(0);
    expect(selectionAfterMove(undefined, 2, 4)).toBeUndefined();
  });

  it("clears when the selected field is deleted and shifts when one above is", () => {
    expect(selectionAfterRemove(2, 2)).toBeUndefined();
    expect(selectionAfterRemove(3, 1)).toBe(2);
    expect(selectionAfterRemove(1, 3)).toBe(1);
  });
});
