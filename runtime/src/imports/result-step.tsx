import { DownloadOutlined } from "@ant-design/icons";
import { Button, Flex, Result } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import type { ObjectUi } from "../api/types.js";
import { useLocale } from "../i18n/locale-context.js";
import { downloadFile } from "./file-transfer.js";
import { errorReportPath, type ImportView } from "./import-api.js";
import { ImportCounts } from "./import-counts.js";
import { useImportText } from "./import-texts.js";
import { ProblemAlert } from "./problem-alert.js";
import { progressCounts } from "./run-step.js";

const resultStatus = (view: ImportView) => {
  if (view.status === "failed") return "error";
  if (view.status === "cancelled") return "info";
  return view.progress.failed > 0 ? "warning" : "success";
};

/** The error report's name when the server gives none: the file's name, marked as its errors. */
const reportName = (view: ImportView) => `${view.fileName.replace(/\.(csv|xlsx)$/i, "")}-errors.csv`;

/**
 * Step 5: how the import ended, its counts, the error report (row, column, message and the row's
 * values) as a CSV download, and the way back to the records.
 */
export const ResultStep = ({
  ui,
  view,
  onStartOver,
}: {
  ui: ObjectUi;
  view: ImportView;
  onStartOver: () => void;
}) => {
  const t = useImportText();
  const { label } = useLocale();
  const [downloading, setDownloading] = useState(false);
  const [refusal, setRefusal] = useState<unknown>();
  const plural = label(ui.object.pluralLabel ?? ui.object.label, ui.object.name);

  const download = async () => {
    setDownloading(true);
    setRefusal(undefined);
    try {
      await downloadFile(errorReportPath(view.id), reportName(view));
    } catch (failure) {
      setRefusal(failure);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Result
        status={resultStatus(view)}
        title={t(
          view.status === "failed"
            ? "result.failed"
            : view.status === "cancelled"
              ? "result.cancelled"
              : "result.completed",
        )}
        subTitle={view.fileName}
        extra={[
          view.progress.failed > 0 && (
            <Button
              key="errors"
              icon={<DownloadOutlined />}
              loading={downloading}
              onClick={() => void download()}
            >
              {t("result.downloadErrors")}
            </Button>
          ),
          <Link key="list" to={`/o/${encodeURIComponent(ui.object.name)}`}>
            {t("result.openList", { plural })}
          </Link>,
          // Alert rules are not checked row by row in an import: the search over all records is next.
          (ui.duplicateRules?.length ?? 0) > 0 && view.progress.created > 0 && (
            <Link key="duplicates" to={`/o/${encodeURIComponent(ui.object.name)}/duplicates`}>
              {t("result.findDuplicates")}
            </Link>
          ),
          <Button key="again" type="primary" onClick={onStartOver}>
            {t("result.again")}
          </Button>,
        ]}
      />
      <ImportCounts label={t("run.counts")} counts={progressCounts(view, t)} />
      {refusal !== undefined && <ProblemAlert title={t("result.downloadFailed")} error={refusal} />}
    </Flex>
  );
};
