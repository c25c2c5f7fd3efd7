import { DeleteOutlined, EditOutlined, SendOutlined, ThunderboltOutlined } from "@ant-design/icons";
import { App, Button, Space } from "antd";
import type { ReactNode } from "react";
import { useLocale } from "../i18n/locale-context.js";
import { usePluginText } from "../plugins/plugin-texts.js";
import type { RecordAction, RecordActionKind } from "./record-actions.js";
import { useRecordText } from "./record-text.js";

interface Props {
  actions: readonly RecordAction[];
  /** The name of the action running (a delete, a plugin's request): its button spins. */
  running: string | undefined;
  onRun: (action: RecordAction) => void;
}

const ICONS: Record<RecordActionKind, ReactNode> = {
  edit: <EditOutlined />,
  delete: <DeleteOutlined />,
  submitForApproval: <SendOutlined />,
  plugin: <ThunderboltOutlined />,
};

/** The record's buttons; delete asks first, in a dialog that keeps the keyboard focus. */
export const RecordButtons = ({ actions, running, onRun }: Props) => {
  const t = useRecordText();
  const { t: common, label } = useLocale();
  const p = usePluginText();
  const { modal } = App.useApp();
  const confirmDelete = (action: RecordAction) =>
    modal.confirm({
      title: t("record.deleteConfirm"),
      content: t("record.deleteHint"),
      okText: common("common.delete"),
      okButtonProps: { danger: true },
      cancelText: common("common.cancel"),
      onOk: () => onRun(action),
    });
  const run = (action: RecordAction) => {
    const question = action.plugin?.confirm;
    if (action.action === "delete") confirmDelete(action);
    else if (question === undefined) onRun(action);
    else
      modal.confirm({
        title: label(question, action.name),
        okText: p("plugin.confirmOk"),
        cancelText: common("common.cancel"),
        onOk: () => onRun(action),
      });
  };
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
          loading={running === action.name}
          onClick={() => run(action)}
        >
          {text(action)}
        </Button>
      ))}
    </Space>
  );
};
