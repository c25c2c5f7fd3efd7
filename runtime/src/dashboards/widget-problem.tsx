import { Alert, Button } from "antd";
import { ApiError } from "../api/http.js";
import { useLocale } from "../i18n/locale-context.js";
import { useDashboardText } from "./dashboard-texts.js";

/**
 * Why one widget shows no figures. Only that widget: the others of the dashboard keep theirs
 * (a user may see some reports of a dashboard and not others).
 */
export const WidgetProblem = ({ error, onRetry }: { error: unknown; onRetry: () => void }) => {
  const t = useDashboardText();
  const { t: common } = useLocale();
  if (error instanceof ApiError && error.status === 403)
    return <Alert type="warning" showIcon title={t("widget.noAccess")} />;
  if (error instanceof ApiError && error.status === 404)
    return <Alert type="warning" showIcon title={t("widget.notFound")} />;
  return (
    <Alert
      type="error"
      showIcon
      title={t("widget.failed")}
      description={error instanceof Error ? error.message : String(error)}
      action={
        <Button size="small" onClick={onRetry}>
          {common("common.retry")}
        </Button>
      }
    />
  );
};
