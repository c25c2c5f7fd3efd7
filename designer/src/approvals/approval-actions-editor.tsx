import { WarningOutlined } from "@ant-design/icons";
import { APPROVAL_EVENTS, type ApprovalEvent, type ApprovalProcess } from "@tessera/metadata";
import { Tabs, Typography } from "antd";
import { type ActionSetting, APPROVAL_ACTION_TYPES, isApprovalAction } from "../actions/action-defaults.js";
import { ActionListEditor } from "../actions/action-list-editor.js";
import type { DocumentEditor } from "../editing/use-document-editor.js";
import { withEventActions } from "./approval-model.js";
import { type ApprovalTextKey, useApprovalText } from "./approval-texts.js";

const EVENT_LABELS: Record<ApprovalEvent, ApprovalTextKey> = {
  onSubmit: "event.onSubmit",
  onStepApprove: "event.onStepApprove",
  onStepReject: "event.onStepReject",
  onFinalApprove: "event.onFinalApprove",
  onFinalReject: "event.onFinalReject",
  onRecall: "event.onRecall",
};

interface Props {
  editor: DocumentEditor<"approvalProcess">;
  process: ApprovalProcess;
  setting: ActionSetting;
}

/**
 * The process's actions per outcome, one tab each. Recall actions only show while recall is
 * allowed (or when some exist, so the engine's complaint about them has a place to show).
 */
export const ApprovalActionsEditor = ({ editor, process, setting }: Props) => {
  const t = useApprovalText();
  const events = APPROVAL_EVENTS.filter(
    (event) =>
      event !== "onRecall" || process.allowRecall === true || (process.actions?.onRecall?.length ?? 0) > 0,
  );
  return (
    <>
      <Typography.Paragraph type="secondary">{t("actions.help")}</Typography.Paragraph>
      <Tabs
        defaultActiveKey="onFinalApprove"
        items={events.map((event) => {
          const actions = process.actions?.[event] ?? [];
          const name = t(EVENT_LABELS[event]);
          const pointer = `/actions/${event}`;
          return {
            key: event,
            label: (
              <span>
                {editor.issues.under(pointer) && <WarningOutlined className="tab-problem" />}
                {actions.length === 0 ? name : `${name} (${actions.length})`}
              </span>
            ),
            children: (
              <ActionListEditor
                actions={actions}
                onChange={(next) =>
                  editor.update((p) => withEventActions(p, event, next.filter(isApprovalAction)))
                }
                types={APPROVAL_ACTION_TYPES}
                setting={setting}
                issues={editor.issues}
                pointer={pointer}
                label={name}
                prefix={name}
              />
            ),
          };
        })}
      />
    </>
  );
};
