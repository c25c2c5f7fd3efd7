import { Alert, Button, Flex, Progress, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "../api/http.js";
import { useLocale } from "../i18n/locale-context.js";
import { cancelImport, type ImportView, isFinalStatus, loadImport } from "./import-api.js";
import { ImportCounts } from "./import-counts.js";
import { type ImportText, useImportText } from "./import-texts.js";
import { problemLines } from "./problem-alert.js";
import { usePolling } from "./use-polling.js";

export interface RunStepProps {
  view: ImportView;
  onView: (view: ImportView) => void;
  /** The import reached a final status (completed, failed, cancelled). */
  onFinished: (view: ImportView) => void;
}

/** Created, updated, failed and skipped rows so far, as browser tests read them (`[data-count]`). */
export const progressCounts = (view: ImportView, t: ImportText) => [
  { name: "processed", label: t("count.processed"), value: view.progress.processed },
  { name: "created", label: t("count.created"), value: view.progress.created, tone: "success" as const },
  { name: "updated", label: t("count.updated"), value: view.progress.updated, tone: "success" as const },
  { name: "failed", label: t("count.failed"), value: view.progress.failed, tone: "danger" as const },
  { name: "skipped", label: t("count.skipped"), value: view.progress.skipped, tone: "warning" as const },
];

/**
 * Step 4: the import running on the server in batches. Asks for its progress every 500 ms until it
 * ends; the bar (`[data-testid=import-progress]`, `aria-valuenow` = percent) and the rate
 * (`[data-testid=import-rate]`, `data-value` = rows per second) follow each answer.
 */
export const RunStep = ({ view, onView, onFinished }: RunStepProps) => {
  const t = useImportText();
  const { locale } = useLocale();
  const [pollError, setPollError] = useState<unknown>();
  const [cancelling, setCancelling] = useState(false);
  const running = !isFinalStatus(view.status);

  const settle = (next: ImportView) => {
    setPollError(undefined);
    if (isFinalStatus(next.status)) {
      onFinished(next);
      return "stop" as const;
    }
    onView(next);
    return "continue" as const;
  };

  usePolling({
    active: running,
    load: (signal) => loadImport(view.id, signal),
    onAnswer: settle,
    onError: (error) => {
      setPollError(error);
      // Gone (or no longer the user's): asking again cannot help. Anything else may pass.
      return error instanceof ApiError && (error.status === 404 || error.status === 403)
        ? "stop"
        : "continue";
    },
  });

  const cancel = async () => {
    setCancelling(true);
    try {
      settle(await cancelImport(view.id));
    } catch (error) {
      setPollError(error);
    } finally {
      setCancelling(false);
    }
  };

  const percent = Math.max(0, Math.min(100, Math.floor(view.progress.percent)));
  const rate = Math.round(view.progress.rowsPerSecond);
  const number = new Intl.NumberFormat(locale);
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ margin: 0 }}>
        {t("run.running", { file: view.fileName })}
      </Typography.Paragraph>
      <Progress
        data-testid="import-progress"
        percent={percent}
        status={running ? "active" : "normal"}
        aria-label={t("run.progress")}
      />
      <Flex gap={24} wrap>
        <Typography.Text data-testid="import-rate" data-value={rate}>
          {t("run.rate", { rate: number.format(rate) })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t("run.processed", {
            processed: number.format(view.progress.processed),
            total: number.format(view.totalRows),
          })}
        </Typography.Text>
      </Flex>
      <ImportCounts label={t("run.counts")} counts={progressCounts(view, t)} />
      {pollError !== undefined && <Alert type="warning" showIcon title={problemLines(pollError).join(" ")} />}
      <Flex>
        <Button danger loading={cancelling} disabled={!running} onClick={() => void cancel()}>
          {t("run.cancel")}
        </Button>
      </Flex>
    </Flex>
  );
};
