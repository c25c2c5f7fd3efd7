import { Button, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { LoadError } from "../common/page-state.js";
import { useAsync } from "../data/use-async.js";
import { ApprovalCommandModal } from "../record/approval-command-modal.js";
import { runApprovalCommand } from "../record/record-api.js";
import { useRecordText } from "../record/record-text.js";
import { useDatetimeText } from "../record/use-datetime-text.js";
import { type InboxItem, loadInbox } from "./inbox-api.js";
import { useInboxText } from "./inbox-text.js";

interface Decision {
  item: InboxItem;
  command: "approve" | "reject";
}

/**
 * The approvals inbox (/approvals): every request waiting for the user's decision, approved or
 * rejected from the row with a comment; a decided row leaves the list.
 */
export const InboxPage = () => {
  const t = useInboxText();
  const recordText = useRecordText();
  const when = useDatetimeText();
  const inbox = useAsync((signal) => loadInbox(signal), []);
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const [decision, setDecision] = useState<Decision>();
  if (inbox.error !== undefined) return <LoadError error={inbox.error} onRetry={inbox.reload} />;
  const rows = (inbox.data ?? []).filter((item) => !decided.has(item.requestId));
  return (
    <section aria-labelledby="inbox-title">
      <Typography.Title level={2} id="inbox-title">
        {t("inbox.title")}
      </Typography.Title>
      <Table<InboxItem>
        rowKey="requestId"
        loading={inbox.loading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t("inbox.empty") }}
        scroll={{ x: "max-content" }}
        columns={[
          {
            key: "record",
            title: t("inbox.record"),
            render: (_, item) => (
              <Link to={`/o/${encodeURIComponent(item.object)}/${encodeURIComponent(item.recordId)}`}>
                {item.recordName}
              </Link>
            ),
          },
          { key: "object", title: t("inbox.object"), dataIndex: "objectLabel" },
          {
            key: "process",
            title: t("inbox.process"),
            render: (_, item) => item.process.label ?? item.process.name,
          },
          { key: "step", title: t("inbox.step"), render: (_, item) => item.step.label ?? item.step.name },
          {
            key: "submittedBy",
            title: t("inbox.submittedBy"),
            render: (_, item) => item.submittedBy?.name ?? "",
          },
          { key: "submittedAt", title: t("inbox.submittedAt"), render: (_, item) => when(item.submittedAt) },
          {
            key: "actions",
            title: t("inbox.actions"),
            render: (_, item) => (
              <Space>
                <Button
                  type="primary"
                  size="small"
                  aria-label={t("inbox.approveRecord", { name: item.recordName })}
                  onClick={() => setDecision({ item, command: "approve" })}
                >
                  {recordText("approval.approve")}
                </Button>
                <Button
                  danger
                  size="small"
                  aria-label={t("inbox.rejectRecord", { name: item.recordName })}
                  onClick={() => setDecision({ item, command: "reject" })}
                >
                  {recordText("approval.reject")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {decision !== undefined && (
        <ApprovalCommandModal
          command={decision.command}
          subject={decision.item.recordName}
          run={(comment) =>
            runApprovalCommand(
              decision.item.object,
              decision.item.recordId,
              decision.command,
              comment,
              decision.item.step.name,
            )
          }
          onCancel={() => setDecision(undefined)}
          onDone={() => {
            setDecided((done) => new Set(done).add(decision.item.requestId));
            setDecision(undefined);
          }}
        />
      )}
    </section>
  );
};
