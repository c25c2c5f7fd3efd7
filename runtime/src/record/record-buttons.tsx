import { DeleteOutlined, EditOutlined, SendOutlined } from "@ant-design/icons";
import { App, Button, Space } from "antd";
import type { ReactNode } from "react";
import { useLocale } from "../i18n/locale-context.js";
import type { RecordAction, RecordActionKind } from "./record-actions.js";
import { useRecordText } from "./record-text.js";

interface Props {
  actions: readonly RecordAction[];
  busy: boolean;
  onRun: (action: RecordActionKind) => void;
}

const ICONS: Record<RecordActionKind, ReactNode> = {
  edit: <EditOutlined />,
  delete: <DeleteOutlined />,
  submitForApproval: <SendOutlined />,
};

/** The record's buttons; delete asks first, in a dialog that keeps the keyboard focus. */
export const RecordButtons = ({ actions, busy, onRun }: Props) => {
  const t = useRecordText();
  const { t: common, label } = useLocale();
  const { modal } = App.useApp();
  const confirmDelete = () =>
    modal.confirm({
      title: t("record.deleteConfirm"),
      content: t("record.deleteHint"),
      okText: common("common.delete"),
      okButtonProps: { danger: true },
      cancelText: common("common.cancel"),
      onOk: () => onRun("delete"),
    });
  const text = (action: RecordAction) =>
    action.label !== undefined
      ? label(action.label, action.name)
      : action.action === "edit"
        ? common("common.edit")
        : action.action === "delete"
          ? common("common.delete")
          : t("record.submit");
  if (actions.length === 0) return null;
  return (
    <Space wrap role="toolbar" aria-label={t("record.actions")}>
      {actions.map((action) => (
        <Button
          key={action.name}
          type={action.action === "edit" ? "primary" : "default"}
          danger={action.action === "delete"}
          icon={ICONS[action.action]}
          loading={action.action === "delete" && busy}
          onClick={() => (action.action === "delete" ? confirmDelete() : onRun(action.action))}
        >
          {text(action)}
        </Button>
      ))}
    </Space>
  );
};
