import { type Static, Type } from "@sinclair/typebox";
import { LocalizedTextSchema } from "../i18n/localized-text.js";
import { DASHBOARD_DEFAULT_COLUMNS, widgetLayoutProblems } from "../reports/dashboard-layout.js";
import { measureFormat } from "../reports/report-fields.js";
import { type CheckContext, documentId, type SemanticCheck } from "../validate/check-context.js";
import { issueCollector, NameSchema, type Report as Reporter } from "./common.js";
import { REPORT_MAX_MEASURES } from "./report.js";

export const CHART_TYPES = ["bar", "line", "pie", "funnel", "kpi", "table"] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export const DASHBOARD_MAX_COLUMNS = 24;
export const DASHBOARD_MAX_WIDGET_HEIGHT = 12;
export const DASHBOARD_MAX_WIDGETS = 30;
/** Rows a grid may grow to; far beyond any screen, only a bound on nonsense. */
export const DASHBOARD_MAX_ROWS = 1000;

export const DashboardWidgetSchema = Type.Object(
  {
    /** Unique in the dashboard; personal layouts refer to widgets by it. */
    name: NameSchema,
    /** The report's label when absent. */
    title: Type.Optional(LocalizedTextSchema),
    report: NameSchema,
    chart: Type.Union(CHART_TYPES.map((chart) => Type.Literal(chart))),
    /** Index of the report measure a chart plots; 0 when absent. */
    measure: Type.Optional(Type.Integer({ minimum: 0, maximum: REPORT_MAX_MEASURES - 1 })),
    x: Type.Integer({ minimum: 0, maximum: DASHBOARD_MAX_COLUMNS - 1 }),
    y: Type.Integer({ minimum: 0, maximum: DASHBOARD_MAX_ROWS }),
    w: Type.Integer({ minimum: 1, maximum: DASHBOARD_MAX_COLUMNS }),
    h: Type.Integer({ minimum: 1, maximum: DASHBOARD_MAX_WIDGET_HEIGHT }),
  },
  { additionalProperties: false },
);
export type DashboardWidget = Static<typeof DashboardWidgetSchema>;

export const DashboardSchema = Type.Object(
  {
    kind: Type.Literal("dashboard"),
    name: NameSchema,
    label: LocalizedTextSchema,
    description: Type.Optional(LocalizedTextSchema),
    /** Grid width in units; 12 when absent. */
    columns: Type.Optional(Type.Integer({ minimum: 1, maximum: DASHBOARD_MAX_COLUMNS })),
    widgets: Type.Array(DashboardWidgetSchema, { minItems: 1, maxItems: DASHBOARD_MAX_WIDGETS }),
  },
  { additionalProperties: false },
);
export type Dashboard = Static<typeof DashboardSchema>;

/** Charts that plot one value per group of the first grouping, which must be the only one. */
const ONE_GROUPING: ReadonlySet<ChartType> = new Set(["pie", "funnel"]);
/** Charts drawing the measure's values as lengths or heights: dates cannot be plotted. */
const PLOTTED: ReadonlySet<ChartType> = new Set(["bar", "line", "pie", "funnel"]);

const checkWidgetReport = (widget: DashboardWidget, w: number, ctx: CheckContext, report: Reporter): void => {
  const source = ctx.find("report", widget.report);
  if (source === undefined) {
    report(["widgets", w, "report"], "dashboard.unknownReport", `Report "${widget.report}" does not exist.`);
    return;
  }
  const index = widget.measure ?? 0;
  const measure = source.measures[index];
  if (measure === undefined) {
    report(
      ["widgets", w, "measure"],
      "dashboard.unknownMeasure",
      `Report "${widget.report}" has ${source.measures.length} measure(s); measure ${index + 1} does not exist.`,
    );
  }
  const groupings = source.groupings.length;
  if (ONE_GROUPING.has(widget.chart) && groupings !== 1) {
    report(
      ["widgets", w, "chart"],
      "dashboard.chartNeedsOneGrouping",
      `A ${widget.chart} chart shows the groups of exactly one grouping; report "${widget.report}" has ${groupings}.`,
    );
  }
  if (widget.chart === "line" && groupings === 0) {
    report(
      ["widgets", w, "chart"],
      "dashboard.chartNeedsGrouping",
      `A line chart needs a report with a grouping; report "${widget.report}" has none.`,
    );
  }
  const object = ctx.objects.get(source.object);
  if (measure !== undefined && object !== undefined && PLOTTED.has(widget.chart)) {
    const format = measureFormat(object, measure);
    if (format === "date" || format === "datetime") {
      report(
        ["widgets", w, widget.measure === undefined ? "chart" : "measure"],
        "dashboard.measureNotPlottable",
        `A ${widget.chart} chart cannot plot dates; show this measure in a table or KPI, or choose another.`,
      );
    }
  }
};

/**
 * A KPI widget shows the report's totals whatever its groupings; a table shows every measure, so
 * its `measure` only has to exist.
 */
export const checkDashboard: SemanticCheck<Dashboard> = (doc, ctx) => {
  const { issues, report } = issueCollector(doc);
  const document = documentId(doc);
  const columns = doc.columns ?? DASHBOARD_DEFAULT_COLUMNS;
  for (const problem of widgetLayoutProblems(columns, doc.widgets)) issues.push({ document, ...problem });
  doc.widgets.forEach((widget, w) => {
    checkWidgetReport(widget, w, ctx, report);
  });
  return issues;
};
