import { Tag } from "antd";
import type { ApprovalStatus } from "./approval-view.js";
import { useRecordText } from "./record-text.js";

const COLORS: Record<ApprovalStatus, string> = {
  none: "default",
  pending: "processing",
  approved: "success",
  rejected: "error",
  recalled: "warning",
};

export const ApprovalStatusTag = ({ status }: { status: ApprovalStatus }) => {
  const t = useRecordText();
  return <Tag color={COLORS[status]}>{t(`approval.status.${status}`)}</Tag>;
};
