import { App, Button, Table, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ApiError } from "../api/http.js";
import { LoadError } from "../common/page-state.js";
import { useAsync } from "../data/use-async.js";
import { problemLines } from "../imports/problem-alert.js";
import { useDatetimeText } from "../record/use-datetime-text.js";
import { useUserNames } from "../record/use-user-names.js";
import { loadMerges, type MergeEntry, undoMerge } from "./duplicate-api.js";
import { useDuplicateText } from "./duplicate-texts.js";

export interface MergeHistoryProps {
  object: string;
  /** Changes after a merge, so the new entry shows. */
  round: number;
  /** Names of records the page knows (from the groups), shown instead of ids. */
  names: ReadonlyMap<string, string>;
  onUndone: () => void;
}

/** The object's merges, newest first; a merge not undone yet can be undone. */
export const MergeHistory = ({ object, round, names, onUndone }: MergeHistoryProps) => {
  const t = useDuplicateText();
  const when = useDatetimeText();
  const { message } = App.useApp();
  const merges = useAsync((signal) => loadMerges(object, signal), [object, round]);
  const users = useUserNames((merges.data ?? []).map((m) => m.by));
  const [undoing, setUndoing] = useState<string>();
  if (merges.error !== undefined) return <LoadError error={merges.error} onRetry={merges.reload} />;

  const undo = async (entry: MergeEntry) => {
    setUndoing(entry.id);
    try {
      await undoMerge(entry.id);
      message.success(t("history.undone"));
      merges.reload();
      onUndone();
    } catch (failure) {
      message.error(
        failure instanceof ApiError && failure.status === 409
          ? t("history.conflict")
          : problemLines(failure).join(" "),
      );
    } finally {
      setUndoing(undefined);
    }
  };

  const recordLink = (id: string) => (
    <Link key={id} to={`/o/${encodeURIComponent(object)}/${encodeURIComponent(id)}`}>
      {names.get(id) ?? id}
    </Link>
  );

  return (
    <Table<MergeEntry>
      rowKey="id"
      size="small"
      loading={merges.loading}
      dataSource={merges.data ?? []}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: t("history.none") }}
      columns={[
        { key: "at", title: t("history.at"), render: (_, entry) => when(entry.at) },
        { key: "survivor", title: t("history.kept"), render: (_, entry) => recordLink(entry.survivorId) },
        {
          key: "merged",
          title: t("history.merged"),
          render: (_, entry) => entry.mergedIds.map((id) => names.get(id) ?? id).join(", "),
        },
        { key: "by", title: t("history.by"), render: (_, entry) => users.get(entry.by) ?? entry.by },
        {
          key: "undo",
          title: t("history.actions"),
          render: (_, entry) =>
            entry.undoneAt !== undefined ? (
              <Tag>{t("history.undoneAt", { at: when(entry.undoneAt) })}</Tag>
            ) : (
              <Button
                size="small"
                loading={undoing === entry.id}
                disabled={undoing !== undefined}
                aria-label={t("history.undoMerge", { name: names.get(entry.survivorId) ?? entry.survivorId })}
                onClick={() => void undo(entry)}
              >
                {t("history.undo")}
              </Button>
            ),
        },
      ]}
    />
  );
};
