import type { ChartType } from "@tessera/metadata";
import { Empty, Typography } from "antd";
import { useMemo } from "react";
import { useNavigate } from "react-router-dom";
import { useLocale } from "../i18n/locale-context.js";
import { Chart, type ChartPoint } from "./chart.js";
import { chartModel, groupKeysAt } from "./chart-model.js";
import { barOption, type ChartFigures, funnelOption, lineOption, pieOption } from "./chart-options.js";
import { useChartTheme } from "./chart-theme.js";
import { FiguresTable } from "./figures-table.js";
import { groupListPath } from "./group-filter.js";
import { KpiFigure } from "./kpi-figure.js";
import { formatAxisFigure, NO_FIGURE } from "./measure-format.js";
import type { ReportResult } from "./report-api.js";
import "./reports.css";
import { ReportTable } from "./report-table.js";
import { useReportText } from "./report-texts.js";
import { useFigureText } from "./use-figure-text.js";

const OPTIONS = { bar: barOption, line: lineOption, pie: pieOption, funnel: funnelOption } as const;

export interface ReportVisualProps {
  result: ReportResult;
  chart: ChartType;
  /** The measure a chart or key figure shows; the first when absent. */
  measure?: number;
  /** Height of a chart, or the scroll height of a table. */
  height?: number | string;
  /** Names the figures table that stands in for a chart. */
  caption: string;
  /** Clicking a group opens its records (off while a dashboard's layout is edited). */
  drill?: boolean;
  /** A figures table for assistive technology beside a chart or key figure (not needed when a table is shown anyway). */
  figures?: boolean;
}

/** A report result drawn as one chart type: a chart, a key figure or a table. */
export const ReportVisual = ({
  result,
  chart,
  measure = 0,
  height = 320,
  caption,
  drill = true,
  figures = true,
}: ReportVisualProps) => {
  const t = useReportText();
  const { locale } = useLocale();
  const figure = useFigureText();
  const theme = useChartTheme();
  const navigate = useNavigate();
  const model = useMemo(() => chartModel(result, measure), [result, measure]);
  const option = useMemo(() => {
    if (chart === "kpi" || chart === "table") return undefined;
    const format: ChartFigures = {
      tooltip: (value) => (typeof value === "number" ? figure(value, model.measure) : NO_FIGURE),
      axis: (value) => formatAxisFigure(value, model.measure, locale),
    };
    return OPTIONS[chart](model, theme, format);
  }, [chart, model, theme, figure, locale]);

  if (chart === "table")
    return <ReportTable result={result} drill={drill} {...(typeof height === "number" && { height })} />;
  const table = figures && <FiguresTable result={result} caption={caption} />;
  if (chart === "kpi")
    return (
      <>
        <KpiFigure result={result} measure={measure} />
        {table}
      </>
    );
  if (result.rows.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("report.empty")} />;
  const select = (point: ChartPoint) => {
    const keys = groupKeysAt(model, point, result.groupings.length);
    const path = keys === undefined ? undefined : groupListPath(result, keys);
    if (path !== undefined) navigate(path);
  };
  return (
    <>
      {option !== undefined && <Chart option={option} height={height} {...(drill && { onSelect: select })} />}
      {result.truncated && (
        <Typography.Text type="secondary" className="report-truncated">
          {t("report.truncated", { count: model.categories.length })}
        </Typography.Text>
      )}
      {table}
    </>
  );
};
