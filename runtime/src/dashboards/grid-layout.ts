import { DASHBOARD_MAX_WIDGET_HEIGHT } from "@tessera/metadata";

/** Where a widget sits on the dashboard grid, in grid units (x, y from the top left, 0-based). */
export interface WidgetBox {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

const clamp = (value: number, low: number, high: number): number => Math.min(Math.max(value, low), high);

const overlaps = (a: WidgetBox, b: WidgetBox): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * The layout with `fixed` where it is and every widget it now covers pushed down below it (and
 * whatever those then cover, further down). Widgets keep their columns; none move up.
 */
export const settle = (layout: readonly WidgetBox[], fixed: string): WidgetBox[] => {
  const anchor = layout.find((w) => w.name === fixed);
  if (anchor === undefined) return [...layout];
  const placed: WidgetBox[] = [anchor];
  const others = layout.filter((w) => w.name !== fixed).sort((a, b) => a.y - b.y || a.x - b.x);
  for (const widget of others) {
    let y = widget.y;
    for (let hit = placed.find((p) => overlaps(p, { ...widget, y })); hit !== undefined; ) {
      y = hit.y + hit.h;
      hit = placed.find((p) => overlaps(p, { ...widget, y }));
    }
    placed.push({ ...widget, y });
  }
  return layout.map((w) => placed.find((p) => p.name === w.name) ?? w);
};

/** Moves a widget to a cell (kept inside the grid's columns) and pushes what it lands on down. */
export const moveWidget = (
  layout: readonly WidgetBox[],
  name: string,
  to: { x: number; y: number },
  columns: number,
): WidgetBox[] =>
  settle(
    layout.map((w) =>
      w.name === name ? { ...w, x: clamp(to.x, 0, Math.max(0, columns - w.w)), y: Math.max(0, to.y) } : w,
    ),
    name,
  );

/** Resizes a widget (at least one unit, within the grid and the tallest height) and pushes what it covers down. */
export const resizeWidget = (
  layout: readonly WidgetBox[],
  name: string,
  size: { w: number; h: number },
  columns: number,
): WidgetBox[] =>
  settle(
    layout.map((w) =>
      w.name === name
        ? {
            ...w,
            w: clamp(size.w, 1, Math.max(1, columns - w.x)),
            h: clamp(size.h, 1, DASHBOARD_MAX_WIDGET_HEIGHT),
          }
        : w,
    ),
    name,
  );

/** The boxes of a dashboard's widgets (what a layout is saved as). */
export const boxesOf = (widgets: readonly WidgetBox[]): WidgetBox[] =>
  widgets.map(({ name, x, y, w, h }) => ({ name, x, y, w, h }));

/** Rows the grid needs to show every widget. */
export const rowsOf = (layout: readonly WidgetBox[]): number =>
  layout.reduce((rows, w) => Math.max(rows, w.y + w.h), 0);

export const sameLayout = (a: readonly WidgetBox[], b: readonly WidgetBox[]): boolean =>
  a.length === b.length &&
  a.every((box) => {
    const other = b.find((o) => o.name === box.name);
    return (
      other !== undefined && other.x === box.x && other.y === box.y && other.w === box.w && other.h === box.h
    );
  });
