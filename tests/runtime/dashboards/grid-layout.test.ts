import { describe, expect, it } from "vitest";
import {
  boxesOf,
  moveWidget,
  resizeWidget,
  rowsOf,
  sameLayout,
  settle,
  type WidgetBox,
} from "../../../runtime/src/dashboards/grid-layout.js";

const box = (name: string, x: number, y: number, w: number, h: number): WidgetBox => ({ name, x, y, w, h });

// a a b b      (12 columns: a at 0..5, b at 6..11, both 4 rows; c below a)
// c c . .
const LAYOUT = [box("a", 0, 0, 6, 4), box("b", 6, 0, 6, 4), box("c", 0, 4, 6, 2)];

describe("moving a widget", () => {
  it("moves it to a free cell and leaves the others where they are", () => {
    expect(moveWidget(LAYOUT, "c", { x: 6, y: 4 }, 12)).toEqual([
      box("a", 0, 0, 6, 4),
      box("b", 6, 0, 6, 4),
      box("c", 6, 4, 6, 2),
    ]);
  });

  it("pushes the widget it lands on down below it, and what that then covers further down", () => {
    expect(moveWidget(LAYOUT, "b", { x: 0, y: 2 }, 12)).toEqual([
      box("a", 0, 6, 6, 4),
      box("b", 0, 2, 6, 4),
      box("c", 0, 10, 6, 2),
    ]);
  });

  it("keeps it inside the grid's columns and above the top row", () => {
    expect(moveWidget(LAYOUT, "c", { x: 9, y: -3 }, 12)).toEqual([
      box("a", 0, 0, 6, 4),
      box("b", 6, 2, 6, 4),
      box("c", 6, 0, 6, 2),
    ]);
  });
});

describe("resizing a widget", () => {
  it("grows it and pushes down what it now covers", () => {
    expect(resizeWidget(LAYOUT, "a", { w: 6, h: 5 }, 12)).toEqual([
      box("a", 0, 0, 6, 5),
      box("b", 6, 0, 6, 4),
      box("c", 0, 5, 6, 2),
    ]);
  });

  it("keeps at least one unit, at most the grid's width from its column and twelve rows", () => {
    expect(resizeWidget(LAYOUT, "c", { w: 0, h: 0 }, 12)[2]).toEqual(box("c", 0, 4, 1, 1));
    expect(resizeWidget(LAYOUT, "b", { w: 9, h: 20 }, 12)[1]).toEqual(box("b", 6, 0, 6, 12));
  });
});

describe("settling a layout", () => {
  it("leaves a layout without overlaps as it is", () => {
    expect(settle(LAYOUT, "a")).toEqual(LAYOUT);
  });

  it("returns the layout unchanged for a widget it does not have", () => {
    expect(settle(LAYOUT, "zz")).toEqual(LAYOUT);
  });
});

describe("layout facts", () => {
  it("counts the rows the widgets need", () => {
    expect(rowsOf(LAYOUT)).toBe(6);
    expect(rowsOf([])).toBe(0);
  });

  it("compares layouts by each widget's box, whatever the order", () => {
    expect(sameLayout(LAYOUT, [...LAYOUT].reverse())).toBe(true);
    expect(sameLayout(LAYOUT, moveWidget(LAYOUT, "c", { x: 6, y: 4 }, 12))).toBe(false);
  });

  it("keeps only the boxes of widgets (what a layout is saved as)", () => {
    expect(boxesOf([{ ...box("a", 1, 2, 3, 4), report: "r", chart: "bar" } as WidgetBox])).toEqual([
      box("a", 1, 2, 3, 4),
    ]);
  });
});
