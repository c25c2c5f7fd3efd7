import { Timeline, Typography } from "antd";
import { Nothing } from "../common/page-state.js";
import type { ApprovalHistoryAction, ApprovalHistoryItem } from "./approval-view.js";
import { useRecordText } from "./record-text.js";
import { useDatetimeText } from "./use-datetime-text.js";

const COLORS: Partial<Record<ApprovalHistoryAction, string>> = {
  approved: "green",
  finalApproved: "green",
  rejected: "red",
  finalRejected: "red",
  recalled: "gray",
  stepSkipped: "gray",
};

/** Every event of a record's approval requests, newest first, with who acted and their comment. */
export const ApprovalTimeline = ({ history }: { history: readonly ApprovalHistoryItem[] }) => {
  const t = useRecordText();
  const when = useDatetimeText();
  if (history.length === 0) return <Nothing description={t("approval.noHistory")} />;
  return (
    <Timeline
      items={history.map((entry, i) => ({
        key: `${entry.requestId}:${i}`,
        color: COLORS[entry.action] ?? "blue",
        title: when(entry.at),
        content: (
          <div>
            <Typography.Text strong>{t(`approval.action.${entry.action}`)}</Typography.Text>
            {entry.step !== undefined && (
              <> · {t("approval.step", { step: entry.stepLabel ?? entry.step })}</>
            )}
            {entry.actor !== undefined && <> · {entry.actor.name}</>}
            {entry.approvers !== undefined && entry.approvers.length > 0 && (
              <>
                {" "}
                ({t("approval.approvers")}: {entry.approvers.map((a) => a.name).join(", ")})
              </>
            )}
            {entry.comment !== undefined && <p className="approval-comment">{entry.comment}</p>}
          </div>
        ),
      }))}
    />
  );
};
