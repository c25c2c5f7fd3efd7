import type { ChartType } from "@tessera/metadata";
import { Card, Result, Segmented, Select, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../api/http.js";
import { LoadError } from "../common/page-state.js";
import { useAsync } from "../data/use-async.js";
import { loadReportResult, type ReportResult } from "./report-api.js";
import { ReportTable } from "./report-table.js";
import { useReportText } from "./report-texts.js";
import { ReportVisual } from "./report-visual.js";

/** The charts that suit a result: a key figure without groupings, no pie or funnel of two. */
export const chartsFor = (result: ReportResult): ChartType[] => {
  if (result.groupings.length === 0) return ["kpi"];
  if (result.groupings.length === 1) return ["bar", "line", "pie", "funnel"];
  return ["bar", "line"];
};

/** A date grouping reads best as a line over time; other groups as bars. */
const defaultChart = (result: ReportResult): ChartType =>
  result.groupings.length === 0 ? "kpi" : result.groupings[0]?.dateBucket !== undefined ? "line" : "bar";

/** The figures a chart can plot (a min/max of dates has no height). */
const plottableMeasures = (result: ReportResult) =>
  result.measures
    .map((m, index) => ({ label: m.label, value: index, format: m.format }))
    .filter((m) => m.format !== "date" && m.format !== "datetime");

const ReportScreen = ({ result }: { result: ReportResult }) => {
  const t = useReportText();
  const [chart, setChart] = useState<ChartType>(() => defaultChart(result));
  const measures = plottableMeasures(result);
  const [measure, setMeasure] = useState(measures[0]?.value ?? 0);
  const charts = chartsFor(result);
  const shown = charts.includes(chart) ? chart : (charts[0] ?? "kpi");
  return (
    <section aria-labelledby="report-title">
      <Space align="center" wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={2} id="report-title" style={{ marginBottom: 0 }}>
          {result.label}
        </Typography.Title>
        <Link to={`/o/${encodeURIComponent(result.object)}`}>{t("report.openRecords")}</Link>
      </Space>
      <Card style={{ marginTop: 16 }}>
        <Space wrap style={{ marginBottom: 12 }}>
          {charts.length > 1 && (
            <Segmented<ChartType>
              aria-label={t("report.chartType")}
              value={shown}
              onChange={setChart}
              options={charts.map((c) => ({ value: c, label: t(`report.chart.${c}`) }))}
            />
          )}
          {measures.length > 1 && (
            <Select
              aria-label={t("report.measure")}
              value={measure}
              onChange={setMeasure}
              options={measures.map((m) => ({ value: m.value, label: m.label }))}
              style={{ minWidth: 180 }}
            />
          )}
        </Space>
        <ReportVisual
          result={result}
          chart={shown}
          measure={measure}
          height={360}
          caption={result.label}
          figures={false}
        />
      </Card>
      <Card style={{ marginTop: 16 }}>
        <ReportTable result={result} />
      </Card>
    </section>
  );
};

/** /reports/:name — one report: its figures as a chart and as a table with totals. */
export const ReportPage = () => {
  const { name = "" } = useParams();
  const t = useReportText();
  const result = useAsync((signal) => loadReportResult(name, signal), [name]);
  if (result.error instanceof ApiError && result.error.status === 403)
    return <Result status="403" title={t("report.noAccess")} subTitle={result.error.title} />;
  if (result.error !== undefined) return <LoadError error={result.error} onRetry={result.reload} />;
  if (result.data === undefined || result.data.name !== name)
    return (
      <div aria-busy="true">
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );
  return <ReportScreen key={name} result={result.data} />;
};
