import type { MetadataIssue } from "../issues/metadata-issue.js";
import { pointer } from "../issues/metadata-issue.js";

/** The grid width of a dashboard that does not choose one. */
export const DASHBOARD_DEFAULT_COLUMNS = 12;

/** Where a widget sits on a dashboard's grid, in grid units; x counts from 0 at the left. */
export interface WidgetPlacement {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A layout problem; `path` points into `{widgets: [...]}` (a dashboard, or a personal layout). */
export type LayoutProblem = Omit<MetadataIssue, "document">;

const overlaps = (a: WidgetPlacement, b: WidgetPlacement): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Problems of widgets placed on a grid `columns` wide: a name used twice, a widget reaching past
 * the right edge, a widget overlapping one listed before it (reported on the later widget, once).
 * Sizes and the grid's bounds otherwise are the schema's.
 */
export const widgetLayoutProblems = (
  columns: number,
  widgets: readonly WidgetPlacement[],
): LayoutProblem[] => {
  const problems: LayoutProblem[] = [];
  const problem = (tokens: ReadonlyArray<string | number>, code: string, message: string) =>
    problems.push({ path: pointer(...tokens), code, message });
  const names = new Set<string>();
  widgets.forEach((widget, i) => {
    if (names.has(widget.name)) {
      problem(
        ["widgets", i, "name"],
        "dashboard.duplicateWidget",
        `Another widget is already named "${widget.name}".`,
      );
    }
    names.add(widget.name);
    if (widget.x >= columns) {
      problem(
        ["widgets", i, "x"],
        "dashboard.outsideGrid",
        `Widget "${widget.name}" starts in column ${widget.x + 1}, but the dashboard is ${columns} columns wide.`,
      );
    } else if (widget.x + widget.w > columns) {
      problem(
        ["widgets", i, "w"],
        "dashboard.outsideGrid",
        `Widget "${widget.name}" reaches column ${widget.x + widget.w}, but the dashboard is ${columns} columns wide.`,
      );
    }
    const covered = widgets.slice(0, i).find((other) => overlaps(other, widget));
    if (covered !== undefined) {
      problem(
        ["widgets", i],
        "dashboard.overlap",
        `Widget "${widget.name}" overlaps widget "${covered.name}".`,
      );
    }
  });
  return problems;
};

/**
 * Problems of a user's own arrangement of a dashboard's widgets: each of the dashboard's widgets
 * exactly once (by name), nothing else, then widgetLayoutProblems. Paths point into `{widgets}`.
 */
export const personalLayoutProblems = (
  dashboard: { columns?: number; widgets: ReadonlyArray<{ name: string }> },
  widgets: readonly WidgetPlacement[],
): LayoutProblem[] => {
  const problems: LayoutProblem[] = [];
  const known = new Set(dashboard.widgets.map((widget) => widget.name));
  widgets.forEach((widget, i) => {
    if (!known.has(widget.name)) {
      problems.push({
        path: pointer("widgets", i, "name"),
        code: "dashboard.unknownWidget",
        message: `The dashboard has no widget "${widget.name}".`,
      });
    }
  });
  const placed = new Set(widgets.map((widget) => widget.name));
  const missing = dashboard.widgets.filter((widget) => !placed.has(widget.name));
  if (missing.length > 0) {
    problems.push({
      path: "/widgets",
      code: "dashboard.missingWidget",
      message: `Place every widget of the dashboard; missing: ${missing.map((widget) => `"${widget.name}"`).join(", ")}.`,
    });
  }
  return [...problems, ...widgetLayoutProblems(dashboard.columns ?? DASHBOARD_DEFAULT_COLUMNS, widgets)];
};
