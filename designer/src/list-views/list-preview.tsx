import {
  type FieldDefinition,
  formatFieldValue,
  type JsonValue,
  type ListView,
  type ObjectDefinition,
  usableTimeZone,
} from "@tessera/metadata";
import { ApiError, get, type ProblemDetail, useLocale } from "@tessera/runtime";
import { Alert, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { PREVIEW_ROWS, previewColumns, previewPath } from "./list-preview-request.js";
import { useListViewText } from "./list-view-texts.js";

type PreviewRecord = Record<string, unknown> & { id: string };

type PreviewState =
  | { status: "loading" }
  | { status: "rows"; records: PreviewRecord[] }
  | { status: "notPublished" }
  | { status: "refused"; title: string; problems: readonly ProblemDetail[] }
  | { status: "failed"; reason: string };

/** Edits settle before the preview asks the server again. */
const SETTLE_MS = 300;
const timeZone = usableTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);

const referenceName = (value: unknown): string | undefined =>
  typeof value === "object" && value !== null && "id" in value
    ? String((value as { name?: unknown; id: unknown }).name ?? (value as { id: unknown }).id)
    : undefined;

/** A cell as the runtime formats it (as text: the preview's links would lead nowhere here). */
const Cell = ({ field, value }: { field: FieldDefinition; value: unknown }) => {
  const { locale } = useLocale();
  const text = referenceName(value) ?? formatFieldValue(field, value as JsonValue, { locale, timeZone });
  return text === "" ? <span className="field-empty">—</span> : <span>{text}</span>;
};

/** Loads the first published rows the view would show; the server's refusal is a result, not an error. */
const usePreviewRows = (path: string): PreviewState => {
  const [state, setState] = useState<PreviewState>({ status: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    const timer = setTimeout(() => {
      get<{ records: PreviewRecord[] }>(path, controller.signal)
        .then((page) => setState({ status: "rows", records: page.records }))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          if (error instanceof ApiError && error.status === 404) setState({ status: "notPublished" });
          else if (error instanceof ApiError && error.status === 400)
            setState({ status: "refused", title: error.title, problems: error.errors });
          else setState({ status: "failed", reason: error instanceof Error ? error.message : String(error) });
        });
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [path]);
  return state;
};

/**
 * The list as users will see it: the runtime's column headers in order and the first published
 * records read with the draft's filter, sort and scope.
 */
export const ListPreview = ({ object, view }: { object: ObjectDefinition; view: ListView }) => {
  const t = useListViewText();
  const { label } = useLocale();
  const state = usePreviewRows(previewPath(view));
  const fields = previewColumns(object, view.columns);
  const nameAdded = fields[0]?.name === object.recordName && !view.columns.includes(object.recordName);
  return (
    <section className="lv-preview" aria-label={t("preview.table")}>
      <Typography.Paragraph type="secondary">{t("preview.help")}</Typography.Paragraph>
      {state.status === "notPublished" && <Alert type="info" showIcon title={t("preview.notPublished")} />}
      {state.status === "refused" && (
        <Alert
          type="warning"
          showIcon
          title={t("preview.refused")}
          description={
            state.problems.length === 0 ? (
              state.title
            ) : (
              <ul className="editor-problems">
                {state.problems.map((p) => (
                  <li key={`${p.path} ${p.code}`}>{p.message}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      {state.status === "failed" && (
        <Alert type="error" showIcon title={t("preview.failed", { reason: state.reason })} />
      )}
      <Table<PreviewRecord>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: true }}
        loading={state.status === "loading"}
        dataSource={state.status === "rows" ? state.records.slice(0, PREVIEW_ROWS) : []}
        locale={{ emptyText: state.status === "rows" ? t("preview.empty") : " " }}
        columns={fields.map((field) => ({
          key: field.name,
          title: label(field.label, field.name),
          render: (_: unknown, record: PreviewRecord) => <Cell field={field} value={record[field.name]} />,
        }))}
      />
      {nameAdded && <Typography.Text type="secondary">{t("preview.nameFirst")}</Typography.Text>}
    </section>
  );
};
