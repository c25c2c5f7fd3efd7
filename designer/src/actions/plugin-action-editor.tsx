import type { PluginAction } from "@tessera/metadata";
import { Input, Select, Typography } from "antd";
import { useState } from "react";
import type { ActionEditorProps } from "./action-editor-props.js";
import { useActionText } from "./action-texts.js";
import { IssueItem } from "./issue-item.js";

const paramsText = (action: PluginAction) =>
  action.params === undefined ? "" : JSON.stringify(action.params, null, 2);

/** An action a plugin registered: the package, the action's name and its parameters as JSON. */
export const PluginActionEditor = (props: ActionEditorProps<PluginAction>) => {
  const { action, onChange, setting, issues, pointer, scope } = props;
  const t = useActionText();
  const [text, setText] = useState(() => paramsText(action));
  const [invalid, setInvalid] = useState(false);
  const status = (key: string) => (issues.at(`${pointer}/${key}`) === undefined ? undefined : "error");
  const commitParams = () => {
    if (text.trim() === "") {
      const { params: _dropped, ...rest } = action;
      setInvalid(false);
      onChange(rest);
      return;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
        throw new Error("not an object");
      setInvalid(false);
      onChange({ ...action, params: parsed as Record<string, unknown> });
    } catch {
      setInvalid(true);
    }
  };
  return (
    <div className="action-fields">
      <IssueItem
        issues={issues}
        pointer={`${pointer}/package`}
        label={t("label.package")}
        help={setting.packages.length === 0 ? t("plugin.noPackages") : t("plugin.help")}
      >
        <Select
          aria-label={t("control", { scope, control: t("part.package") })}
          style={{ minWidth: 220 }}
          status={status("package")}
          value={action.package === "" ? undefined : action.package}
          onChange={(pkg: string) => onChange({ ...action, package: pkg })}
          options={setting.packages.map((name) => ({ value: name, label: name }))}
        />
      </IssueItem>
      <IssueItem issues={issues} pointer={`${pointer}/action`} label={t("label.pluginAction")}>
        <Input
          aria-label={t("control", { scope, control: t("part.pluginAction") })}
          status={status("action")}
          value={action.action}
          onChange={(e) => onChange({ ...action, action: e.target.value.trim() })}
        />
      </IssueItem>
      <IssueItem issues={issues} pointer={`${pointer}/params`} label={t("label.params")}>
        <Input.TextArea
          aria-label={t("control", { scope, control: t("part.params") })}
          aria-invalid={invalid}
          status={invalid || status("params") !== undefined ? "error" : undefined}
          autoSize={{ minRows: 2, maxRows: 10 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={commitParams}
        />
        {invalid && (
          <Typography.Text type="danger" role="alert">
            {t("plugin.paramsInvalid")}
          </Typography.Text>
        )}
      </IssueItem>
    </div>
  );
};
