import { Skeleton } from "antd";
import { type ReactNode, useEffect, useId } from "react";
import { useAsync } from "../data/use-async.js";
import { useLabelText } from "../reports/label-text.js";
import { loadReportResult, type ReportResult } from "../reports/report-api.js";
import { ReportVisual } from "../reports/report-visual.js";
import type { DashboardViewWidget } from "./dashboard-api.js";
import { WidgetProblem } from "./widget-problem.js";

export interface ReportWidgetProps {
  widget: DashboardViewWidget;
  /** While the layout is edited, clicking a group does not leave the page. */
  editing: boolean;
  /** Controls shown in the widget's header (the move handle while editing). */
  actions?: ReactNode;
  /** Tells the dashboard the widget's title once known (the report's label when it has none). */
  onTitle?: (widget: string, title: string) => void;
}

const isEmpty = (result: ReportResult, widget: DashboardViewWidget): boolean =>
  widget.chart !== "kpi" && result.groupings.length > 0 && result.rows.length === 0;

/** One widget of a dashboard: its report loaded on its own, drawn as the widget's chart. */
export const ReportWidget = ({ widget, editing, actions, onTitle }: ReportWidgetProps) => {
  const text = useLabelText();
  const id = useId();
  const result = useAsync((signal) => loadReportResult(widget.report, signal), [widget.report]);
  const title =
    widget.title !== undefined ? text(widget.title, widget.name) : (result.data?.label ?? widget.report);
  useEffect(() => onTitle?.(widget.name, title), [onTitle, widget.name, title]);
  const state =
    result.error !== undefined
      ? "error"
      : result.data === undefined || result.loading
        ? "loading"
        : isEmpty(result.data, widget)
          ? "empty"
          : "ready";
  return (
    <section
      className="dashboard-widget"
      data-widget={widget.name}
      data-chart={widget.chart}
      data-state={state}
      aria-labelledby={id}
      aria-busy={state === "loading"}
    >
      <header className="dashboard-widget-header">
        <h3 id={id} className="dashboard-widget-title">
          {title}
        </h3>
        {actions}
      </header>
      <div className="dashboard-widget-body">
        {result.error !== undefined ? (
          <WidgetProblem error={result.error} onRetry={result.reload} />
        ) : result.data === undefined ? (
          <Skeleton active title={false} paragraph={{ rows: 3 }} />
        ) : (
          <ReportVisual
            result={result.data}
            chart={widget.chart}
            measure={widget.measure ?? 0}
            height="100%"
            caption={title}
            drill={!editing}
          />
        )}
      </div>
    </section>
  );
};
