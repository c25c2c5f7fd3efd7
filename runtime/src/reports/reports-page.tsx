import { Card, Empty, Input, Skeleton, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useAllowClear } from "../common/clear-button.js";
import { LoadError } from "../common/page-state.js";
import { type DashboardSummary, loadDashboards } from "../dashboards/dashboard-api.js";
import { useAsync } from "../data/use-async.js";
import { useBootstrap } from "../session/session-context.js";
import { useLabelText } from "./label-text.js";
import { loadReports } from "./report-api.js";
import { useReportText } from "./report-texts.js";
import "./reports.css";

interface ReportEntry {
  name: string;
  label: string;
  objectLabel: string;
  description: string;
}

interface DashboardEntry {
  name: string;
  label: string;
  description: string;
}

/** Matches when every word of the query is in one of the texts (case and accents aside). */
const matches = (query: string, ...texts: string[]): boolean => {
  const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase();
  const haystack = fold(texts.join(" "));
  return fold(query)
    .split(/\s+/)
    .filter((word) => word !== "")
    .every((word) => haystack.includes(word));
};

/** /reports — the dashboards and the reports the user may open, searchable by name and description. */
export const ReportsPage = () => {
  const t = useReportText();
  const text = useLabelText();
  const { objects } = useBootstrap();
  const allowClear = useAllowClear();
  const [query, setQuery] = useState("");
  const loaded = useAsync(async (signal) => Promise.all([loadReports(signal), loadDashboards(signal)]), []);
  if (loaded.error !== undefined) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  const [reports = [], dashboards = []] = loaded.data ?? [];
  const reportEntries: ReportEntry[] = reports.map((r) => {
    const object = objects.find((o) => o.name === r.object);
    return {
      name: r.name,
      label: text(r.label, r.name),
      objectLabel: object === undefined ? r.object : text(object.pluralLabel ?? object.label, r.object),
      description: text(r.description),
    };
  });
  const dashboardEntries: DashboardEntry[] = dashboards.map((d: DashboardSummary) => ({
    name: d.name,
    label: text(d.label, d.name),
    description: text(d.description),
  }));
  const shownReports = reportEntries.filter((r) =>
    matches(query, r.label, r.name, r.objectLabel, r.description),
  );
  const shownDashboards = dashboardEntries.filter((d) => matches(query, d.label, d.name, d.description));
  const none = (empty: string) =>
    query.trim() === "" ? empty : t("reports.noMatch", { query: query.trim() });
  return (
    <section aria-labelledby="reports-title">
      <Typography.Title level={2} id="reports-title">
        {t("reports.title")}
      </Typography.Title>
      <Input
        type="search"
        aria-label={t("reports.search")}
        placeholder={t("reports.search")}
        allowClear={allowClear}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        style={{ maxWidth: 420, marginBottom: 16 }}
      />
      <Card
        title={<h3 className="reports-heading">{t("reports.dashboards")}</h3>}
        style={{ marginBottom: 16 }}
      >
        {loaded.loading ? (
          <Skeleton active title={false} paragraph={{ rows: 2 }} />
        ) : shownDashboards.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={none(t("reports.noDashboards"))} />
        ) : (
          <ul className="reports-dashboards">
            {shownDashboards.map((d) => (
              <li key={d.name}>
                <Link to={`/dashboards/${encodeURIComponent(d.name)}`}>{d.label}</Link>
                {d.description !== "" && (
                  <Typography.Text type="secondary" className="reports-description">
                    {d.description}
                  </Typography.Text>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={<h3 className="reports-heading">{t("reports.reports")}</h3>}>
        <Table<ReportEntry>
          rowKey="name"
          size="small"
          loading={loaded.loading}
          dataSource={shownReports}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: none(t("reports.noReports")) }}
          columns={[
            {
              key: "name",
              title: t("reports.name"),
              render: (_, r) => <Link to={`/reports/${encodeURIComponent(r.name)}`}>{r.label}</Link>,
            },
            { key: "object", title: t("reports.object"), dataIndex: "objectLabel" },
            { key: "description", title: t("reports.description"), dataIndex: "description" },
          ]}
        />
      </Card>
    </section>
  );
};
