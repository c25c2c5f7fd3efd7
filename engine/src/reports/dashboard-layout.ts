import {
  DASHBOARD_DEFAULT_COLUMNS,
  DASHBOARD_MAX_ROWS,
  DASHBOARD_MAX_WIDGET_HEIGHT,
  type Dashboard,
  isPlainObject,
  type WidgetPlacement,
} from "@tessera/metadata";
import type { ProblemDetail } from "../errors/engine-error.js";

const PLACEMENT_KEYS = ["name", "x", "y", "w", "h"] as const;

const escapeToken = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

export const columnsOf = (dashboard: Dashboard): number => dashboard.columns ?? DASHBOARD_DEFAULT_COLUMNS;

const overlaps = (a: WidgetPlacement, b: WidgetPlacement): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const placementOf = (
  item: unknown,
  path: string,
  columns: number,
  problems: ProblemDetail[],
): WidgetPlacement | undefined => {
  if (!isPlainObject(item)) {
    problems.push({ path, code: "layout.notAWidget", message: "A widget is {name, x, y, w, h}." });
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(item))
    if (!(PLACEMENT_KEYS as readonly string[]).includes(key))
      problems.push({
        path: `${path}/${escapeToken(key)}`,
        code: "layout.unknownMember",
        message: `Unknown member "${key}".`,
      });
  if (typeof item.name !== "string")
    problems.push({ path: `${path}/name`, code: "layout.name", message: "name is the widget's name." });
  const whole = (key: "x" | "y" | "w" | "h", min: number, max: number) => {
    const value = item[key];
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
      problems.push({
        path: `${path}/${key}`,
        code: "layout.outOfRange",
        message: `${key} is a whole number from ${min} to ${max}.`,
      });
  };
  whole("x", 0, columns - 1);
  whole("y", 0, DASHBOARD_MAX_ROWS);
  whole("w", 1, columns);
  whole("h", 1, DASHBOARD_MAX_WIDGET_HEIGHT);
  if (problems.length > before) return undefined;
  const placement = item as unknown as WidgetPlacement;
  if (placement.x + placement.w > columns) {
    problems.push({
      path: `${path}/w`,
      code: "layout.outsideGrid",
      message: `The widget reaches beyond the grid's ${columns} columns.`,
    });
    return undefined;
  }
  return { name: placement.name, x: placement.x, y: placement.y, w: placement.w, h: placement.h };
};

/**
 * Checks a personal layout of `dashboard`: `{widgets: [{name, x, y, w, h}]}` naming every widget of
 * the dashboard exactly once, each inside the grid, none overlapping another. Resolves the
 * placements, or the problems with their JSON pointers.
 */
export const checkPersonalLayout = (
  dashboard: Dashboard,
  body: unknown,
): { ok: true; widgets: WidgetPlacement[] } | { ok: false; problems: ProblemDetail[] } => {
  const problems: ProblemDetail[] = [];
  if (!isPlainObject(body) || !Array.isArray(body.widgets)) {
    problems.push({
      path: "/widgets",
      code: "layout.widgets",
      message: "Send {widgets: [{name, x, y, w, h}, ...]}.",
    });
    return { ok: false, problems };
  }
  for (const key of Object.keys(body))
    if (key !== "widgets")
      problems.push({
        path: `/${escapeToken(key)}`,
        code: "layout.unknownMember",
        message: `Unknown member "${key}".`,
      });
  const items: unknown[] = body.widgets;
  if (items.length > dashboard.widgets.length) {
    problems.push({
      path: "/widgets",
      code: "layout.tooMany",
      message: `The dashboard has ${dashboard.widgets.length} widgets; place each once.`,
    });
    return { ok: false, problems };
  }
  const columns = columnsOf(dashboard);
  const known = new Set(dashboard.widgets.map((w) => w.name));
  const placed: Array<{ placement: WidgetPlacement; index: number }> = [];
  items.forEach((item, index) => {
    const placement = placementOf(item, `/widgets/${index}`, columns, problems);
    if (placement === undefined) return;
    if (!known.has(placement.name)) {
      problems.push({
        path: `/widgets/${index}/name`,
        code: "layout.unknownWidget",
        message: `The dashboard has no widget "${placement.name}".`,
      });
      return;
    }
    if (placed.some((p) => p.placement.name === placement.name)) {
      problems.push({
        path: `/widgets/${index}/name`,
        code: "layout.duplicateWidget",
        message: `Widget "${placement.name}" is placed twice.`,
      });
      return;
    }
    const hit = placed.find((p) => overlaps(p.placement, placement));
    if (hit !== undefined)
      problems.push({
        path: `/widgets/${index}`,
        code: "layout.overlap",
        message: `Widget "${placement.name}" overlaps widget "${hit.placement.name}".`,
      });
    placed.push({ placement, index });
  });
  const missing = dashboard.widgets.filter((w) => !placed.some((p) => p.placement.name === w.name));
  if (problems.length === 0 && missing.length > 0)
    problems.push({
      path: "/widgets",
      code: "layout.missingWidget",
      message: `Place every widget; missing: ${missing.map((w) => w.name).join(", ")}.`,
    });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, widgets: placed.map((p) => p.placement) };
};
