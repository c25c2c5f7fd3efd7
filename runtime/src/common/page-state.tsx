import { Button, Empty, Result, Spin } from "antd";
import { ApiError } from "../api/http.js";
import { useLocale } from "../i18n/locale-context.js";

export const Loading = () => {
  const { t } = useLocale();
  return (
    <div role="status" style={{ padding: 48, textAlign: "center" }}>
      <Spin description={t("common.loading")}>
        <div style={{ height: 48 }} />
      </Spin>
    </div>
  );
};

/** An error the user can act on: not found (or not theirs to see), or a failure with Retry. */
export const LoadError = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => {
  const { t } = useLocale();
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    return <Result status="404" title={t("common.notFound")} />;
  }
  return (
    <Result
      status="error"
      title={t("common.error")}
      subTitle={error instanceof Error ? error.message : String(error)}
      extra={
        onRetry === undefined ? undefined : (
          <Button type="primary" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )
      }
    />
  );
};

export const Nothing = ({ description }: { description?: string }) => {
  const { t } = useLocale();
  return <Empty description={description ?? t("common.noData")} />;
};
