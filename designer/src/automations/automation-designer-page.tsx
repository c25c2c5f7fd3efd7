import { ArrowLeftOutlined } from "@ant-design/icons";
import type { Automation, JsonValue } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Card, Form, Select, Switch, Typography } from "antd";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { AUTOMATION_ACTION_TYPES } from "../actions/action-defaults.js";
import { ActionListEditor } from "../actions/action-list-editor.js";
import { IssueItem } from "../actions/issue-item.js";
import { newProcessOfQuery } from "../actions/new-process-path.js";
import { withDescription } from "../actions/process-edits.js";
import { useActionSetting } from "../actions/use-action-setting.js";
import { UserSelect } from "../actions/user-select.js";
import { ConditionEditor } from "../conditions/condition-editor.js";
import { useDraft } from "../draft/draft-context.js";
import { EditorToolbar } from "../editing/editor-toolbar.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { type DocumentEditor, useDocumentEditor } from "../editing/use-document-editor.js";
import { newAutomation, withCondition, withRunAs } from "./automation-model.js";
import { useAutomationText } from "./automation-texts.js";
import { TriggerEditor } from "./trigger-editor.js";
import "./automations.css";

/** The automation designer at /automations/:name; a name the draft lacks starts a new automation. */
export const AutomationDesignerPage = () => {
  const { name = "" } = useParams();
  return <AutomationDesigner key={name} name={name} />;
};

const AutomationDesigner = ({ name }: { name: string }) => {
  const draft = useDraft();
  const [query] = useSearchParams();
  const [initial] = useState<Automation | undefined>(() => {
    if (draft.find("automation", name) !== undefined) return undefined;
    const asked = newProcessOfQuery(name, query);
    return newAutomation({ ...asked, object: asked.object ?? draft.ofKind("object")[0]?.name ?? "" });
  });
  const editor = useDocumentEditor("automation", name, initial);
  const automation = editor.value;
  if (automation === undefined) return null;
  return <AutomationForm editor={editor} automation={automation} />;
};

const AutomationForm = ({
  editor,
  automation,
}: {
  editor: DocumentEditor<"automation">;
  automation: Automation;
}) => {
  const t = useAutomationText();
  const { label } = useLocale();
  const setting = useActionSetting(automation.object, false);
  const { issues } = editor;
  const set = (change: Partial<Automation>) => editor.update((a) => ({ ...a, ...change }));
  const errorAt = (pointer: string) => (issues.at(pointer) === undefined ? undefined : ("error" as const));
  return (
    <div className="automation-designer">
      <EditorToolbar editor={editor} />
      <Link to="/automations">
        <ArrowLeftOutlined /> {t("page.back")}
      </Link>
      <Typography.Title level={3}>{label(automation.label, automation.name)}</Typography.Title>
      <Form layout="vertical" component="div">
        <Card title={t("section.basics")} className="automation-card">
          <div className="automation-basics">
            <IssueItem issues={issues} pointer="/label" label={t("basics.label")}>
              <LocalizedTextInput
                value={automation.label}
                onChange={(next) => set({ label: next })}
                label={t("basics.label")}
                status={issues.under("/label") ? "error" : undefined}
              />
            </IssueItem>
            <IssueItem issues={issues} pointer="/name" label={t("basics.name")}>
              <code>{automation.name}</code>
            </IssueItem>
            <IssueItem
              issues={issues}
              pointer="/object"
              label={t("basics.object")}
              help={editor.stored ? t("basics.objectFixed") : undefined}
            >
              <Select
                aria-label={t("basics.object")}
                showSearch={{ optionFilterProp: "label" }}
                disabled={editor.stored}
                status={errorAt("/object")}
                value={automation.object === "" ? undefined : automation.object}
                onChange={(object: string) => set({ object })}
                options={setting.objects.map((o) => ({ value: o.name, label: label(o.label, o.name) }))}
              />
            </IssueItem>
            <IssueItem issues={issues} pointer="/active" label={t("basics.active")}>
              <Switch
                aria-label={t("basics.active")}
                checked={automation.active}
                onChange={(active) => set({ active })}
              />
            </IssueItem>
            <IssueItem
              issues={issues}
              pointer="/runAs"
              label={t("basics.runAs")}
              help={t("basics.runAsHelp")}
            >
              <UserSelect
                label={t("basics.runAs")}
                by="username"
                allowClear
                placeholder={t("basics.runAsPlaceholder")}
                users={setting.users}
                status={errorAt("/runAs")}
                value={automation.runAs}
                onChange={(user) => editor.update((a) => withRunAs(a, user))}
              />
            </IssueItem>
            <IssueItem issues={issues} pointer="/description" label={t("basics.description")}>
              <LocalizedTextInput
                value={automation.description}
                onChange={(description) => editor.update((a) => withDescription(a, description))}
                label={t("basics.description")}
              />
            </IssueItem>
          </div>
        </Card>
        <Card title={t("section.trigger")} className="automation-card">
          <IssueItem issues={issues} pointer="/trigger">
            <TriggerEditor
              automation={automation}
              onChange={(trigger) => set({ trigger })}
              setting={setting}
              issues={issues}
            />
          </IssueItem>
        </Card>
        <Card title={t("section.condition")} className="automation-card">
          <IssueItem issues={issues} pointer="/condition" help={t("condition.help")}>
            <ConditionEditor
              value={automation.condition as JsonValue | undefined}
              onChange={(condition) => editor.update((a) => withCondition(a, condition))}
              fields={setting.object?.fields ?? []}
              error={issues.at("/condition")}
              label={t("condition.label")}
            />
          </IssueItem>
        </Card>
        <Card title={t("section.actions")} className="automation-card">
          <Typography.Paragraph type="secondary">{t("actions.help")}</Typography.Paragraph>
          <ActionListEditor
            actions={automation.actions}
            onChange={(actions) => set({ actions })}
            types={AUTOMATION_ACTION_TYPES}
            setting={setting}
            issues={issues}
            pointer="/actions"
            label={t("actions.label")}
          />
        </Card>
      </Form>
    </div>
  );
};
