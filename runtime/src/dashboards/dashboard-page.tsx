import { Empty, Skeleton, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { LoadError } from "../common/page-state.js";
import { useAsync } from "../data/use-async.js";
import { useLabelText } from "../reports/label-text.js";
import { type DashboardView, loadDashboard } from "./dashboard-api.js";
import { DashboardBoard } from "./dashboard-board.js";
import { useDashboardText } from "./dashboard-texts.js";

/** /dashboards/:name — a dashboard's widgets, each with its report's figures, on the user's layout. */
export const DashboardPage = () => {
  const { name = "" } = useParams();
  const t = useDashboardText();
  const text = useLabelText();
  const loaded = useAsync((signal) => loadDashboard(name, signal), [name]);
  // A saved or reset layout answers with the dashboard: shown without loading it again.
  const [view, setView] = useState<DashboardView>();
  useEffect(() => setView(loaded.data), [loaded.data]);
  if (loaded.error !== undefined) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (view === undefined || view.name !== name)
    return (
      <div aria-busy="true">
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  const description = text(view.description);
  return (
    <section aria-labelledby="dashboard-title" className="dashboard-page">
      <header className="dashboard-header">
        <Typography.Title level={2} id="dashboard-title">
          {text(view.label, view.name)}
        </Typography.Title>
        {view.personalLayout && <Tag>{t("dashboard.personal")}</Tag>}
      </header>
      {description !== "" && <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>}
      {view.widgets.length === 0 ? (
        <Empty description={t("dashboard.empty")} />
      ) : (
        <DashboardBoard key={view.name} view={view} onChange={setView} />
      )}
    </section>
  );
};
