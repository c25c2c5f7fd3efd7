import { moveWidget, resizeWidget, type WidgetBox } from "./grid-layout.js";

/** A widget being moved or resized, by whole grid units from where it was picked up. */
export interface LayoutDrag {
  name: string;
  mode: "move" | "resize";
  /** Picked up with the keyboard: the arrow keys count the units, not the pointer's pixels. */
  keyboard: boolean;
  dx: number;
  dy: number;
}

/** Grid units of each arrow key. */
export const ARROW_STEPS: Readonly<Record<string, { x: number; y: number }>> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

/** The layout as it will be when the drag ends here. */
export const applyDrag = (layout: readonly WidgetBox[], drag: LayoutDrag, columns: number): WidgetBox[] => {
  const box = layout.find((w) => w.name === drag.name);
  if (box === undefined) return [...layout];
  return drag.mode === "move"
    ? moveWidget(layout, drag.name, { x: box.x + drag.dx, y: box.y + drag.dy }, columns)
    : resizeWidget(layout, drag.name, { w: box.w + drag.dx, h: box.h + drag.dy }, columns);
};

/**
 * The drag with its offset cut to what the grid allows, so that a key pressed against an edge
 * is not counted (one press back then moves back at once).
 */
export const boundDrag = (layout: readonly WidgetBox[], drag: LayoutDrag, columns: number): LayoutDrag => {
  const box = layout.find((w) => w.name === drag.name);
  if (box === undefined) return drag;
  const target = applyDrag(layout, drag, columns).find((w) => w.name === drag.name) ?? box;
  return drag.mode === "move"
    ? { ...drag, dx: target.x - box.x, dy: target.y - box.y }
    : { ...drag, dx: target.w - box.w, dy: target.h - box.h };
};

/** Whole grid units of a pointer's travel in pixels. */
export const unitsOf = (pixels: number, pitch: number): number =>
  pitch > 0 ? Math.round(pixels / pitch) : 0;
