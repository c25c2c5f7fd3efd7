import { Alert, App, Button, Card, Descriptions, type DescriptionsProps, Input, Space, Tag } from "antd";
import { useState } from "react";
import { ApprovalStatusTag } from "./approval-status-tag.js";
import { ApprovalTimeline } from "./approval-timeline.js";
import type { ApprovalCommand, ApprovalView, ApproverState } from "./approval-view.js";
import { problemText } from "./problem-text.js";
import { runApprovalCommand } from "./record-api.js";
import { useRecordText } from "./record-text.js";
import { useDatetimeText } from "./use-datetime-text.js";

interface Props {
  object: string;
  id: string;
  approval: ApprovalView;
  /** The object has an approval process: a record without a pending request may be submitted. */
  hasProcess: boolean;
  /** Called after a command succeeded: the page reloads the record and the panel. */
  onChanged: () => void;
}

const DECISION_COLORS = { approve: "success", reject: "error" } as const;

const ApproverTags = ({ approvers }: { approvers: readonly ApproverState[] }) => {
  const t = useRecordText();
  return (
    <Space wrap>
      {approvers.map((a) => (
        <span key={a.id}>
          {a.name}{" "}
          <Tag color={a.decision === null ? "default" : DECISION_COLORS[a.decision]}>
            {t(a.decision === null ? "approval.decision.waiting" : `approval.decision.${a.decision}`)}
          </Tag>
        </span>
      ))}
    </Space>
  );
};

/**
 * The approval panel of a record: status, process, submitter, the current step and its approvers,
 * the whole history, and the commands the server says this user may run now.
 */
export const ApprovalPanel = ({ object, id, approval, hasProcess, onChanged }: Props) => {
  const t = useRecordText();
  const when = useDatetimeText();
  const { message } = App.useApp();
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState<ApprovalCommand>();
  const [error, setError] = useState<string>();
  const pending = approval.status === "pending";
  const commands: ApprovalCommand[] = [
    ...(approval.canApprove ? (["approve", "reject"] as const) : []),
    ...(approval.canRecall ? (["recall"] as const) : []),
    ...(!pending && hasProcess ? (["submit"] as const) : []),
  ];
  const run = async (command: ApprovalCommand) => {
    setBusy(command);
    setError(undefined);
    try {
      await runApprovalCommand(object, id, command, comment, approval.currentStep?.name);
      setComment("");
      void message.success(t(`approval.done.${command}`));
      onChanged();
    } catch (failure) {
      setError(problemText(failure, t("record.actionFailed")));
    } finally {
      setBusy(undefined);
    }
  };
  const items: DescriptionsProps["items"] = [
    {
      key: "status",
      label: t("approval.statusLabel"),
      children: <ApprovalStatusTag status={approval.status} />,
    },
    ...(approval.process === undefined
      ? []
      : [
          {
            key: "process",
            label: t("approval.process"),
            children: approval.process.label ?? approval.process.name,
          },
        ]),
    ...(approval.submittedBy === undefined
      ? []
      : [{ key: "submittedBy", label: t("approval.submittedBy"), children: approval.submittedBy.name }]),
    ...(approval.submittedAt === undefined
      ? []
      : [{ key: "submittedAt", label: t("approval.submittedAt"), children: when(approval.submittedAt) }]),
    ...(approval.completedAt === undefined
      ? []
      : [{ key: "completedAt", label: t("approval.completedAt"), children: when(approval.completedAt) }]),
    ...(approval.currentStep === undefined
      ? []
      : [
          {
            key: "step",
            label: t("approval.currentStep"),
            children: approval.currentStep.label ?? approval.currentStep.name,
          },
        ]),
    ...(approval.approvers === undefined || approval.approvers.length === 0
      ? []
      : [
          {
            key: "approvers",
            label: t("approval.approvers"),
            children: <ApproverTags approvers={approval.approvers} />,
          },
        ]),
  ];
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Descriptions column={{ xs: 1, md: 2 }} items={items} />
      {commands.length > 0 && (
        <Card size="small">
          <Space orientation="vertical" style={{ width: "100%" }}>
            {error !== undefined && <Alert type="error" showIcon title={error} />}
            <Input.TextArea
              aria-label={t("approval.comment")}
              placeholder={t("approval.commentPlaceholder")}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              maxLength={4000}
              autoSize={{ minRows: 2, maxRows: 6 }}
            />
            <Space wrap>
              {commands.map((command) => (
                <Button
                  key={command}
                  type={command === "approve" || command === "submit" ? "primary" : "default"}
                  danger={command === "reject"}
                  loading={busy === command}
                  disabled={busy !== undefined && busy !== command}
                  onClick={() => void run(command)}
                >
                  {t(`approval.${command}`)}
                </Button>
              ))}
            </Space>
          </Space>
        </Card>
      )}
      <Card size="small" title={t("approval.timeline")}>
        <ApprovalTimeline history={approval.history} />
      </Card>
    </Space>
  );
};
