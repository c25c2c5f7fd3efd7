import { Alert, App, Input, Modal } from "antd";
import { useState } from "react";
import type { ApprovalCommand } from "./approval-view.js";
import { problemText } from "./problem-text.js";
import { useRecordText } from "./record-text.js";

interface Props {
  command: ApprovalCommand;
  /** What the decision is about (a record name), shown in the title. */
  subject?: string;
  /** Sends the command with the comment; a refusal is shown in the dialog, which stays open. */
  run: (comment: string) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
}

/** Asks for an optional comment and runs an approval command (submit, approve, reject, recall). */
export const ApprovalCommandModal = ({ command, subject, run, onDone, onCancel }: Props) => {
  const t = useRecordText();
  const { message } = App.useApp();
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const title = t(`approval.${command}`);
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await run(comment);
      void message.success(t(`approval.done.${command}`));
      onDone();
    } catch (failure) {
      setError(problemText(failure, t("record.actionFailed")));
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={subject === undefined ? title : `${title}: ${subject}`}
      okText={title}
      okButtonProps={{ danger: command === "reject" }}
      confirmLoading={busy}
      onOk={() => void confirm()}
      onCancel={onCancel}
    >
      {error !== undefined && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Input.TextArea
        aria-label={t("approval.comment")}
        placeholder={t("approval.commentPlaceholder")}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        maxLength={4000}
        autoSize={{ minRows: 3, maxRows: 8 }}
        autoFocus
      />
    </Modal>
  );
};
