import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { closestCenter, DndContext, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { AutomationAction } from "@tessera/metadata";
import { Button, Dropdown, Empty, Tag } from "antd";
import { moveItem } from "../dnd/move-item.js";
import { useDesignerSensors } from "../dnd/sensors.js";
import { SortableRow } from "../dnd/sortable-row.js";
import type { DocumentIssues } from "../editing/issues.js";
import { type ActionSetting, type ActionType, defaultAction } from "./action-defaults.js";
import type { ActionEditorProps } from "./action-editor-props.js";
import { removeAt, replaceAt } from "./action-edits.js";
import { type ActionTextKey, useActionText } from "./action-texts.js";
import { AssignOwnerEditor } from "./assign-owner-editor.js";
import { CreateRecordEditor } from "./create-record-editor.js";
import { FieldUpdateEditor } from "./field-update-editor.js";
import { IssueItem } from "./issue-item.js";
import { NotifyActionEditor } from "./notify-action-editor.js";
import { PluginActionEditor } from "./plugin-action-editor.js";
import { WebhookActionEditor } from "./webhook-action-editor.js";
import "./actions.css";

export const ACTION_TYPE_LABELS: Record<ActionType, ActionTextKey> = {
  fieldUpdate: "type.fieldUpdate",
  notify: "type.notify",
  webhook: "type.webhook",
  createRecord: "type.createRecord",
  assignOwner: "type.assignOwner",
  plugin: "type.plugin",
};

interface Props {
  actions: readonly AutomationAction[];
  onChange: (next: AutomationAction[]) => void;
  /** The action types this place accepts, in menu order. */
  types: readonly ActionType[];
  setting: ActionSetting;
  issues: DocumentIssues;
  /** Pointer of the list (`/actions` or `/actions/onFinalApprove`). */
  pointer: string;
  /** Name of the list ("On final approval"), for its add button. */
  label: string;
  /**
   * Prefix of each action's spoken name when the page has several lists ("On final approval"
   * gives "On final approval action 1"); without one, actions are "Action 1", "Action 2".
   */
  prefix?: string;
}

/** The actions run at one moment, in order: add by type, reorder by drag or keyboard, edit, remove. */
export const ActionListEditor = ({
  actions,
  onChange,
  types,
  setting,
  issues,
  pointer,
  label,
  prefix,
}: Props) => {
  const t = useActionText();
  const sensors = useDesignerSensors();
  const ids = actions.map((_, a) => `${pointer}/${a}`);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over === null) return;
    onChange(moveItem(actions, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  };
  return (
    <IssueItem issues={issues} pointer={pointer}>
      <div className="action-list">
        {actions.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("list.empty")} />}
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            {actions.map((action, a) => {
              const scope =
                prefix === undefined
                  ? t("action.only", { n: a + 1 })
                  : `${prefix} ${t("action.n", { n: a + 1 })}`;
              const id = ids[a] ?? String(a);
              return (
                <SortableRow key={id} id={id} handleLabel={t("list.move", { scope })}>
                  <div className="action-card">
                    <div className="action-card-head">
                      <Tag color="blue">{t(ACTION_TYPE_LABELS[action.type])}</Tag>
                      <span className="action-card-scope">{scope}</span>
                      <Button
                        type="text"
                        danger
                        aria-label={t("list.remove", { scope })}
                        icon={<DeleteOutlined />}
                        onClick={() => onChange(removeAt(actions, a))}
                      />
                    </div>
                    <ActionEditor
                      action={action}
                      onChange={(next) => onChange(replaceAt(actions, a, next))}
                      setting={setting}
                      issues={issues}
                      pointer={`${pointer}/${a}`}
                      scope={scope}
                    />
                  </div>
                </SortableRow>
              );
            })}
          </SortableContext>
        </DndContext>
        <Dropdown
          trigger={["click"]}
          menu={{
            items: types.map((type) => ({ key: type, label: t(ACTION_TYPE_LABELS[type]) })),
            onClick: ({ key }) => {
              const type = types.find((candidate) => candidate === key);
              if (type !== undefined) onChange([...actions, defaultAction(type, setting)]);
            },
          }}
        >
          <Button icon={<PlusOutlined />} aria-label={t("list.addTo", { list: label })}>
            {t("list.add")}
          </Button>
        </Dropdown>
      </div>
    </IssueItem>
  );
};

/** The editor of one action, by its type. */
const ActionEditor = (props: ActionEditorProps<AutomationAction>) => {
  const { action, onChange } = props;
  switch (action.type) {
    case "fieldUpdate":
      return <FieldUpdateEditor {...props} action={action} onChange={onChange} />;
    case "notify":
      return <NotifyActionEditor {...props} action={action} onChange={onChange} />;
    case "webhook":
      return <WebhookActionEditor {...props} action={action} onChange={onChange} />;
    case "createRecord":
      return <CreateRecordEditor {...props} action={action} onChange={onChange} />;
    case "assignOwner":
      return <AssignOwnerEditor {...props} action={action} onChange={onChange} />;
    case "plugin":
      return <PluginActionEditor {...props} action={action} onChange={onChange} />;
  }
};
