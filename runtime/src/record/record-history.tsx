import type { ObjectDefinition } from "@tessera/metadata";
import { Table } from "antd";
import { useMemo } from "react";
import { LoadError } from "../common/page-state.js";
import { useAsync } from "../data/use-async.js";
import { FieldValue } from "../format/field-value.js";
import { displayValue } from "./display-value.js";
import { type PlacedField, placeField } from "./read-sections.js";
import { type HistoryEntry, loadHistory } from "./record-api.js";
import { usePlacedLabel } from "./record-sections.js";
import { useRecordText } from "./record-text.js";
import { useDatetimeText } from "./use-datetime-text.js";
import { useUserNames } from "./use-user-names.js";

interface Props {
  object: ObjectDefinition;
  id: string;
  record: Record<string, unknown>;
  /** Changes when the record changed, so the history is read again. */
  version: number;
}

interface Row {
  key: string;
  entry: HistoryEntry;
  /** Undefined for the "record created" entry. */
  placed: PlacedField | undefined;
}

/** Newest first; within one write, in the order the server listed the fields. */
const newestFirst = (entries: readonly HistoryEntry[]): HistoryEntry[] =>
  entries
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        b.entry.changedAt.localeCompare(a.entry.changedAt) ||
        b.entry.version - a.entry.version ||
        a.index - b.index,
    )
    .map(({ entry }) => entry);

/** Field history: which field changed from what to what, who changed it and when. */
export const RecordHistory = ({ object, id, record, version }: Props) => {
  const t = useRecordText();
  const placedLabel = usePlacedLabel();
  const when = useDatetimeText();
  const history = useAsync((signal) => loadHistory(object.name, id, signal), [object.name, id, version]);
  const rows = useMemo<Row[]>(
    () =>
      newestFirst(history.data ?? []).flatMap((entry, i): Row[] => {
        const key = `${entry.version}:${entry.field}:${i}`;
        if (entry.field === "_created" || entry.field === "_merge")
          return [{ key, entry, placed: undefined }];
        const placed = placeField(object, entry.field);
        return placed === undefined ? [] : [{ key, entry, placed }];
      }),
    [history.data, object],
  );
  const userIds = useMemo(
    () =>
      rows.flatMap(({ entry, placed }) => [
        entry.changedBy,
        ...(placed?.field.type === "user"
          ? [entry.oldValue, entry.newValue].filter((v): v is string => typeof v === "string")
          : []),
      ]),
    [rows],
  );
  const names = useUserNames(userIds);
  /** A merge notes `{mergedIds}` as its new value; its undo as its old value. */
  const eventText = (entry: HistoryEntry): string => {
    if (entry.field === "_created") return t("history.created");
    const merged = (value: unknown): number =>
      typeof value === "object" &&
      value !== null &&
      Array.isArray((value as { mergedIds?: unknown }).mergedIds)
        ? (value as { mergedIds: unknown[] }).mergedIds.length
        : 0;
    return entry.newValue !== null
      ? t("history.merged", { count: merged(entry.newValue) })
      : t("history.mergeUndone", { count: merged(entry.oldValue) });
  };
  if (history.error !== undefined) return <LoadError error={history.error} onRetry={history.reload} />;
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      loading={history.loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t("history.empty") }}
      columns={[
        { key: "when", title: t("history.when"), render: (_, { entry }) => when(entry.changedAt) },
        {
          key: "field",
          title: t("history.field"),
          render: (_, { placed }) => (placed === undefined ? "" : placedLabel(placed)),
        },
        {
          key: "change",
          title: t("history.change"),
          render: (_, { entry, placed }) =>
            placed === undefined ? (
              eventText(entry)
            ) : (
              <span>
                <span className="history-old">
                  <FieldValue
                    field={placed.field}
                    value={displayValue(placed, entry.oldValue, record, names)}
                  />
                </span>
                {" → "}
                <span className="history-new">
                  <FieldValue
                    field={placed.field}
                    value={displayValue(placed, entry.newValue, record, names)}
                  />
                </span>
              </span>
            ),
        },
        {
          key: "who",
          title: t("history.who"),
          render: (_, { entry }) => names.get(entry.changedBy) ?? entry.changedBy,
        },
      ]}
    />
  );
};
