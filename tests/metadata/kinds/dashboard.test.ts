import { describe, expect, it } from "vitest";
import type { Dashboard, DashboardWidget } from "../../../metadata/src/kinds/dashboard.js";
import { checkDashboard, DashboardSchema } from "../../../metadata/src/kinds/dashboard.js";
import { aDashboard, aReport } from "./builders.js";
import { findings, sampleContext } from "./context.js";
import { refusedAt } from "./schema-errors.js";

const widget = (overrides: Partial<DashboardWidget> = {}): DashboardWidget => ({
  name: "chart",
  report: "invoicesByMonth",
  chart: "table",
  x: 0,
  y: 0,
  w: 6,
  h: 4,
  ...overrides,
});

/** The sample report (two groupings: due month, approver; measures count, sum amount, max sentAt). */
const reports = [
  aReport(),
  aReport({ name: "byStatus", groupings: [{ field: "status" }] }),
  aReport({ name: "totals", groupings: [], sort: undefined, limit: undefined }),
];

const check = (dashboard: Dashboard) => findings(checkDashboard(dashboard, sampleContext(...reports)));

const withWidgets = (...widgets: DashboardWidget[]): Dashboard => aDashboard({ widgets });

describe("dashboard schema", () => {
  it("accepts the sample dashboard", () => {
    expect(refusedAt(DashboardSchema, aDashboard())).toEqual([]);
  });

  it("refuses a dashboard without widgets, and more than thirty", () => {
    expect(refusedAt(DashboardSchema, aDashboard({ widgets: [] }))).toEqual(["/widgets"]);
    const widgets = Array.from({ length: 31 }, (_, i) => widget({ name: `w${i}`, y: i }));
    expect(refusedAt(DashboardSchema, aDashboard({ widgets }))).toEqual(["/widgets"]);
  });

  it("refuses a grid narrower than 1 or wider than 24 columns", () => {
    expect(refusedAt(DashboardSchema, aDashboard({ columns: 0 }))).toEqual(["/columns"]);
    expect(refusedAt(DashboardSchema, aDashboard({ columns: 25 }))).toEqual(["/columns"]);
  });

  it("refuses empty, negative, fractional and too tall widgets", () => {
    const bad = { ...widget(), x: -1, y: 1.5, w: 0, h: 13 };
    expect(refusedAt(DashboardSchema, aDashboard({ widgets: [bad] }))).toEqual([
      "/widgets/0/x",
      "/widgets/0/y",
      "/widgets/0/w",
      "/widgets/0/h",
    ]);
  });

  it("refuses a chart type it does not draw", () => {
    const bad = { ...widget(), chart: "radar" };
    expect(refusedAt(DashboardSchema, { ...aDashboard(), widgets: [bad] })).toContain("/widgets/0/chart");
  });

  it("refuses a widget without its report", () => {
    const { report: _, ...bad } = widget();
    expect(refusedAt(DashboardSchema, { ...aDashboard(), widgets: [bad] })).toEqual(["/widgets/0/report"]);
  });
});

describe("dashboard checks: reports", () => {
  it("accepts the sample dashboard", () => {
    expect(checkDashboard(aDashboard(), sampleContext(...reports))).toEqual([]);
  });

  it("reports a widget whose report does not exist", () => {
    expect(check(withWidgets(widget({ report: "pipeline" })))).toEqual([
      { code: "dashboard.unknownReport", path: "/widgets/0/report" },
    ]);
  });

  it("reports a measure past the report's last one", () => {
    expect(check(withWidgets(widget({ measure: 3 })))).toEqual([
      { code: "dashboard.unknownMeasure", path: "/widgets/0/measure" },
    ]);
  });
});

describe("dashboard checks: charts", () => {
  it("draws a pie or a funnel of a report with exactly one grouping", () => {
    const ok = withWidgets(
      widget({ name: "pie", report: "byStatus", chart: "pie" }),
      widget({ name: "funnel", report: "byStatus", chart: "funnel", x: 6 }),
    );
    expect(check(ok)).toEqual([]);
  });

  it("refuses a pie of two groupings and a funnel of none", () => {
    const bad = withWidgets(
      widget({ name: "pie", report: "invoicesByMonth", chart: "pie" }),
      widget({ name: "funnel", report: "totals", chart: "funnel", x: 6 }),
    );
    expect(check(bad)).toEqual([
      { code: "dashboard.chartNeedsOneGrouping", path: "/widgets/0/chart" },
      { code: "dashboard.chartNeedsOneGrouping", path: "/widgets/1/chart" },
    ]);
  });

  it("refuses a line chart of a report without groupings", () => {
    expect(check(withWidgets(widget({ report: "totals", chart: "line" })))).toEqual([
      { code: "dashboard.chartNeedsGrouping", path: "/widgets/0/chart" },
    ]);
  });

  it("shows a KPI or a table of any report: a KPI shows the report's totals", () => {
    const ok = withWidgets(
      widget({ name: "kpiGrouped", report: "invoicesByMonth", chart: "kpi", w: 3 }),
      widget({ name: "kpiTotals", report: "totals", chart: "kpi", x: 3, w: 3 }),
      widget({ name: "table", report: "totals", chart: "table", x: 6 }),
    );
    expect(check(ok)).toEqual([]);
  });

  it("refuses to plot a measure holding dates, but shows it as a KPI or in a table", () => {
    const dates = withWidgets(
      widget({ name: "bar", report: "byStatus", chart: "bar", measure: 2 }),
      widget({ name: "kpi", report: "byStatus", chart: "kpi", measure: 2, x: 6, w: 3 }),
      widget({ name: "table", report: "byStatus", chart: "table", measure: 2, x: 9, w: 3 }),
    );
    expect(check(dates)).toEqual([{ code: "dashboard.measureNotPlottable", path: "/widgets/0/measure" }]);
  });
});

describe("dashboard checks: grid", () => {
  it("reports a widget reaching past the right edge of the grid, at its width", () => {
    const dashboard = aDashboard({ columns: 6, widgets: [widget({ x: 2, w: 6 })] });
    const issues = checkDashboard(dashboard, sampleContext(...reports));
    expect(findings(issues)).toEqual([{ code: "dashboard.outsideGrid", path: "/widgets/0/w" }]);
    expect(issues[0]?.message).toBe('Widget "chart" reaches column 8, but the dashboard is 6 columns wide.');
  });

  it("reports a widget starting right of the grid, at its x", () => {
    expect(check(withWidgets(widget({ x: 12, w: 1 })))).toEqual([
      { code: "dashboard.outsideGrid", path: "/widgets/0/x" },
    ]);
  });

  it("uses a 12-column grid when the dashboard chooses none", () => {
    expect(check(aDashboard({ columns: undefined, widgets: [widget({ x: 6, w: 6 })] }))).toEqual([]);
    expect(check(aDashboard({ columns: undefined, widgets: [widget({ x: 7, w: 6 })] }))).toEqual([
      { code: "dashboard.outsideGrid", path: "/widgets/0/w" },
    ]);
  });

  it("reports overlapping widgets on the later one, naming the other", () => {
    const dashboard = withWidgets(
      widget({ name: "a", x: 0, y: 0, w: 6, h: 4 }),
      widget({ name: "b", x: 6, y: 0, w: 6, h: 4 }),
      widget({ name: "c", x: 5, y: 3, w: 2, h: 2 }),
    );
    const issues = checkDashboard(dashboard, sampleContext(...reports));
    expect(findings(issues)).toEqual([{ code: "dashboard.overlap", path: "/widgets/2" }]);
    expect(issues[0]?.message).toBe('Widget "c" overlaps widget "a".');
  });

  it("accepts widgets that only touch", () => {
    const dashboard = withWidgets(
      widget({ name: "a", x: 0, y: 0, w: 6, h: 4 }),
      widget({ name: "b", x: 6, y: 0, w: 6, h: 4 }),
      widget({ name: "c", x: 0, y: 4, w: 12, h: 1 }),
    );
    expect(check(dashboard)).toEqual([]);
  });

  it("reports a widget name used twice", () => {
    const dashboard = withWidgets(widget({ name: "a" }), widget({ name: "a", x: 6 }));
    expect(check(dashboard)).toEqual([{ code: "dashboard.duplicateWidget", path: "/widgets/1/name" }]);
  });
});
