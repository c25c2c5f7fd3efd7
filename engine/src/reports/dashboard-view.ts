import { type Dashboard, isPlainObject, localize, type WidgetPlacement } from "@tessera/metadata";
import { invalid } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import { checkPersonalLayout, columnsOf } from "./dashboard-layout.js";
import { dashboardsOf, findDashboard, reportsOf } from "./report-documents.js";

/** The entries collection of personal layouts; one entry per user and dashboard. */
export const LAYOUT_COLLECTION = "dashboardLayout";

export interface DashboardSummary {
  name: string;
  label: string;
  description?: string;
}

export interface DashboardView extends DashboardSummary {
  columns: number;
  widgets: Array<{
    name: string;
    /** The widget's title, else its report's label, in the caller's language. */
    title: string;
    report: string;
    chart: Dashboard["widgets"][number]["chart"];
    measure?: number;
    x: number;
    y: number;
    w: number;
    h: number;
  }>;
  /** True when the positions are the caller's own saved layout. */
  personalLayout: boolean;
}

const layoutId = (ctx: RecordContext, dashboard: string) => `${ctx.actor.userId}:${dashboard}`;

const summaryOf = (ctx: RecordContext, dashboard: Dashboard): DashboardSummary => {
  const description = localize(dashboard.description, ctx.locale);
  return {
    name: dashboard.name,
    label: localize(dashboard.label, ctx.locale) ?? dashboard.name,
    ...(description !== undefined && { description }),
  };
};

/**
 * Every dashboard, for every signed-in user: a dashboard only arranges reports, and each widget's
 * figures are answered by its report's results, which apply the caller's access (403/404 there).
 */
export const listDashboards = (ctx: RecordContext): DashboardSummary[] =>
  dashboardsOf(ctx.metadata)
    .map((d) => summaryOf(ctx, d))
    .sort((a, b) => a.name.localeCompare(b.name));

/**
 * The caller's saved layout when it still fits the dashboard as published now (the same widgets,
 * inside the grid, no overlap); a layout saved before the dashboard changed is not applied.
 */
const savedLayout = async (
  ctx: RecordContext,
  dashboard: Dashboard,
): Promise<WidgetPlacement[] | undefined> => {
  const entry = await ctx.store.getEntry(LAYOUT_COLLECTION, layoutId(ctx, dashboard.name));
  if (entry === undefined || !isPlainObject(entry.body)) return undefined;
  const checked = checkPersonalLayout(dashboard, entry.body);
  return checked.ok ? checked.widgets : undefined;
};

const viewOf = (
  ctx: RecordContext,
  dashboard: Dashboard,
  layout: WidgetPlacement[] | undefined,
): DashboardView => {
  const reports = new Map(reportsOf(ctx.metadata).map((r) => [r.name, r]));
  const placements = new Map((layout ?? []).map((p) => [p.name, p]));
  return {
    ...summaryOf(ctx, dashboard),
    columns: columnsOf(dashboard),
    widgets: dashboard.widgets.map((widget) => {
      const place = placements.get(widget.name) ?? widget;
      const title = localize(widget.title ?? reports.get(widget.report)?.label, ctx.locale) ?? widget.name;
      return {
        name: widget.name,
        title,
        report: widget.report,
        chart: widget.chart,
        ...(widget.measure !== undefined && { measure: widget.measure }),
        x: place.x,
        y: place.y,
        w: place.w,
        h: place.h,
      };
    }),
    personalLayout: layout !== undefined,
  };
};

/** A dashboard with the caller's own layout when they saved one; 404 when there is no such dashboard. */
export const getDashboard = async (ctx: RecordContext, name: string): Promise<DashboardView> => {
  const dashboard = findDashboard(ctx.metadata, name);
  return viewOf(ctx, dashboard, await savedLayout(ctx, dashboard));
};

/** Saves the caller's layout of a dashboard (422 with pointers when it does not fit; nothing saved). */
export const saveDashboardLayout = async (
  ctx: RecordContext,
  name: string,
  body: unknown,
): Promise<DashboardView> => {
  const dashboard = findDashboard(ctx.metadata, name);
  const checked = checkPersonalLayout(dashboard, body);
  if (!checked.ok) throw invalid("The layout does not fit the dashboard", checked.problems);
  const widgets = checked.widgets.map((w) => ({ name: w.name, x: w.x, y: w.y, w: w.w, h: w.h }));
  await ctx.store.putEntry(
    LAYOUT_COLLECTION,
    layoutId(ctx, name),
    { widgets },
    { at: ctx.now().toISOString() },
  );
  return viewOf(ctx, dashboard, checked.widgets);
};

/** Forgets the caller's layout of a dashboard: back to the dashboard's own. */
export const resetDashboardLayout = async (ctx: RecordContext, name: string): Promise<DashboardView> => {
  const dashboard = findDashboard(ctx.metadata, name);
  await ctx.store.deleteEntry(LAYOUT_COLLECTION, layoutId(ctx, name));
  return viewOf(ctx, dashboard, undefined);
};
