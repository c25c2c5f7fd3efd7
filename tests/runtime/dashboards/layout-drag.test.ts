import { describe, expect, it } from "vitest";
import type { WidgetBox } from "../../../runtime/src/dashboards/grid-layout.js";
import { applyDrag, boundDrag, unitsOf } from "../../../runtime/src/dashboards/layout-drag.js";

const box = (name: string, x: number, y: number, w: number, h: number): WidgetBox => ({ name, x, y, w, h });
const LAYOUT = [box("a", 0, 0, 6, 4), box("b", 6, 0, 6, 4)];

describe("a drag in progress", () => {
  it("moves the widget by its offset in grid units", () => {
    expect(applyDrag(LAYOUT, { name: "a", mode: "move", keyboard: true, dx: 0, dy: 5 }, 12)).toEqual([
      box("a", 0, 5, 6, 4),
      box("b", 6, 0, 6, 4),
    ]);
  });

  it("resizes the widget by its offset in grid units", () => {
    expect(applyDrag(LAYOUT, { name: "b", mode: "resize", keyboard: false, dx: -2, dy: 1 }, 12)).toEqual([
      box("a", 0, 0, 6, 4),
      box("b", 6, 0, 4, 5),
    ]);
  });

  it("does not count key presses against the grid's edge", () => {
    expect(boundDrag(LAYOUT, { name: "b", mode: "move", keyboard: true, dx: 3, dy: -2 }, 12)).toEqual({
      name: "b",
      mode: "move",
      keyboard: true,
      dx: 0,
      dy: 0,
    });
    expect(boundDrag(LAYOUT, { name: "a", mode: "resize", keyboard: true, dx: 9, dy: 0 }, 12)).toMatchObject({
      dx: 6,
      dy: 0,
    });
  });

  it("turns a pointer's travel into whole grid units", () => {
    expect(unitsOf(130, 96)).toBe(1);
    expect(unitsOf(-150, 96)).toBe(-2);
    expect(unitsOf(40, 0)).toBe(0);
  });
});
