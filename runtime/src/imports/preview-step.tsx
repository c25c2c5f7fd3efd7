import { Button, Flex, Table, Typography } from "antd";
import { useState } from "react";
import type { ObjectUi } from "../api/types.js";
import { useLocale } from "../i18n/locale-context.js";
import { dryRunImport, type ImportError, type ImportView, runImport } from "./import-api.js";
import { ImportCounts } from "./import-counts.js";
import { useImportText } from "./import-texts.js";
import { ID_FIELD, type MappingDraft } from "./mapping-draft.js";
import { ProblemAlert } from "./problem-alert.js";

export interface PreviewStepProps {
  ui: ObjectUi;
  view: ImportView;
  draft: MappingDraft;
  onView: (view: ImportView) => void;
  onBack: () => void;
  /** The server accepted the run (status "running"). */
  onStarted: (view: ImportView) => void;
}

type PreviewRow = { key: number; cells: string[] };

/**
 * Step 3: the first rows as they will be imported (mapped columns under their fields), a dry run
 * that checks every row without writing (counts and the first errors), and the start of the run.
 */
export const PreviewStep = ({ ui, view, draft, onView, onBack, onStarted }: PreviewStepProps) => {
  const t = useImportText();
  const { label } = useLocale();
  const [busy, setBusy] = useState<"dryRun" | "run">();
  const [refusal, setRefusal] = useState<unknown>();
  const mapped = draft.rows.filter((row) => row.field !== null);
  const fieldLabel = (name: string) =>
    name === ID_FIELD ? t("map.recordId") : label(ui.object.fields.find((f) => f.name === name)?.label, name);

  const send = async (action: "dryRun" | "run") => {
    setBusy(action);
    setRefusal(undefined);
    try {
      if (action === "dryRun") onView(await dryRunImport(view.id));
      else onStarted(await runImport(view.id));
    } catch (failure) {
      setRefusal(failure);
    } finally {
      setBusy(undefined);
    }
  };

  const rows: PreviewRow[] = view.preview.map((cells, index) => ({ key: index + 1, cells }));
  const dryRun = view.dryRun;
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ margin: 0 }}>
        {t("preview.intro", { shown: rows.length, rows: view.totalRows })}
      </Typography.Paragraph>
      <Table<PreviewRow>
        size="small"
        aria-label={t("preview.table")}
        dataSource={rows}
        pagination={false}
        scroll={{ x: "max-content" }}
        columns={[
          { key: "row", title: "#", render: (_, row) => row.key },
          ...mapped.map((mapping) => ({
            key: mapping.column,
            title: (
              <Flex vertical>
                <span>{fieldLabel(mapping.field as string)}</span>
                <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>
                  {mapping.column}
                </Typography.Text>
              </Flex>
            ),
            render: (_: unknown, row: PreviewRow) => {
              const cell = row.cells[view.headers.indexOf(mapping.column)] ?? "";
              return mapping.trim ? cell.trim() : cell;
            },
          })),
        ]}
      />
      {dryRun !== undefined && (
        <section aria-labelledby="dry-run-title">
          <Typography.Title level={4} id="dry-run-title">
            {t("dryRun.title")}
          </Typography.Title>
          <ImportCounts
            label={t("dryRun.title")}
            counts={[
              { name: "wouldCreate", label: t("dryRun.wouldCreate"), value: dryRun.wouldCreate },
              { name: "wouldUpdate", label: t("dryRun.wouldUpdate"), value: dryRun.wouldUpdate },
              { name: "wouldFail", label: t("dryRun.wouldFail"), value: dryRun.wouldFail, tone: "danger" },
            ]}
          />
          {dryRun.errors.length > 0 && <ErrorTable errors={dryRun.errors} />}
        </section>
      )}
      {refusal !== undefined && <ProblemAlert title={t("preview.refused")} error={refusal} />}
      <Flex gap={8} justify="space-between" wrap>
        <Button onClick={onBack} disabled={busy !== undefined}>
          {t("wizard.back")}
        </Button>
        <Flex gap={8}>
          <Button loading={busy === "dryRun"} disabled={busy === "run"} onClick={() => void send("dryRun")}>
            {t("preview.dryRun")}
          </Button>
          <Button
            type="primary"
            loading={busy === "run"}
            disabled={busy === "dryRun"}
            onClick={() => void send("run")}
          >
            {t("preview.run")}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
};

/** Row, column and message of the first rows that fail. */
export const ErrorTable = ({ errors }: { errors: readonly ImportError[] }) => {
  const t = useImportText();
  return (
    <Table<ImportError & { key: number }>
      size="small"
      aria-label={t("errors.table")}
      dataSource={errors.map((error, key) => ({ ...error, key }))}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { key: "row", title: t("errors.row"), dataIndex: "row" },
        { key: "column", title: t("errors.column"), render: (_, error) => error.column ?? "" },
        { key: "message", title: t("errors.message"), dataIndex: "message" },
      ]}
    />
  );
};
