import type { WebhookAction } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Input, Radio, Select, Space } from "antd";
import type { ActionEditorProps } from "./action-editor-props.js";
import { useActionText } from "./action-texts.js";
import { payloadTemplates } from "./field-choices.js";
import { IssueItem } from "./issue-item.js";

/** A webhook: the address it POSTs to, and whether it posts the record or a rendered template. */
export const WebhookActionEditor = (props: ActionEditorProps<WebhookAction>) => {
  const { action, onChange, setting, issues, pointer, scope } = props;
  const t = useActionText();
  const { label } = useLocale();
  const templates = payloadTemplates(setting.templates, setting.object?.name);
  const status = (key: string) => (issues.at(`${pointer}/${key}`) === undefined ? undefined : "error");
  const withTemplate = action.template !== undefined;
  return (
    <div className="action-fields">
      <IssueItem issues={issues} pointer={`${pointer}/url`} label={t("label.url")} help={t("webhook.help")}>
        <Input
          aria-label={t("control", { scope, control: t("part.url") })}
          type="url"
          placeholder="https://"
          status={status("url")}
          value={action.url}
          onChange={(e) => onChange({ ...action, url: e.target.value.trim() })}
        />
      </IssueItem>
      <IssueItem issues={issues} pointer={`${pointer}/template`} label={t("label.payload")}>
        <Space wrap>
          <Radio.Group
            aria-label={t("control", { scope, control: t("part.payload") })}
            value={withTemplate ? "template" : "record"}
            onChange={(e) => {
              const { template: _dropped, ...rest } = action;
              onChange(
                e.target.value === "template" ? { ...rest, template: templates[0]?.name ?? "" } : rest,
              );
            }}
            options={[
              { value: "record", label: t("webhook.record") },
              { value: "template", label: t("webhook.template") },
            ]}
          />
          {withTemplate && (
            <Select
              aria-label={t("control", { scope, control: t("part.template") })}
              style={{ minWidth: 220 }}
              status={status("template")}
              value={action.template === "" ? undefined : action.template}
              onChange={(template: string) => onChange({ ...action, template })}
              options={templates.map((template) => ({
                value: template.name,
                label: label(template.label, template.name),
              }))}
            />
          )}
        </Space>
      </IssueItem>
    </div>
  );
};
