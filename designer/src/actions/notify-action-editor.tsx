import type { NotifyAction } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Select } from "antd";
import type { ActionEditorProps } from "./action-editor-props.js";
import { useActionText } from "./action-texts.js";
import { messageTemplates } from "./field-choices.js";
import { IssueItem } from "./issue-item.js";
import { RecipientListEditor } from "./recipient-list-editor.js";

/** A notification: the email or notification template it renders, and who receives it. */
export const NotifyActionEditor = (props: ActionEditorProps<NotifyAction>) => {
  const { action, onChange, setting, issues, pointer, scope } = props;
  const t = useActionText();
  const { label } = useLocale();
  const templates = messageTemplates(setting.templates, setting.object?.name);
  const at = `${pointer}/template`;
  return (
    <div className="action-fields">
      <IssueItem
        issues={issues}
        pointer={at}
        label={t("label.template")}
        help={templates.length === 0 ? t("notify.noTemplates") : t("notify.help")}
      >
        <Select
          aria-label={t("control", { scope, control: t("part.template") })}
          status={issues.at(at) === undefined ? undefined : "error"}
          value={action.template === "" ? undefined : action.template}
          onChange={(template: string) => onChange({ ...action, template })}
          options={templates.map((template) => ({
            value: template.name,
            label: label(template.label, template.name),
          }))}
        />
      </IssueItem>
      <RecipientListEditor
        recipients={action.to}
        onChange={(to) => onChange({ ...action, to })}
        setting={setting}
        issues={issues}
        pointer={`${pointer}/to`}
        scope={scope}
      />
    </div>
  );
};
