import type { Automation, JsonValue } from "@tessera/metadata";
import { Card, Form, Typography } from "antd";
import { useState } from "react";
import { useParams, useSearchParams } from "react-router-dom";
import { AUTOMATION_ACTION_TYPES } from "../actions/action-defaults.js";
import { ActionListEditor } from "../actions/action-list-editor.js";
import { IssueItem } from "../actions/issue-item.js";
import { newProcessOfQuery } from "../actions/new-process-path.js";
import { ProcessBasics, ProcessHeader, processBasicsTexts } from "../actions/process-basics.js";
import { withDescription } from "../actions/process-edits.js";
import { useActionSetting } from "../actions/use-action-setting.js";
import { UserSelect } from "../actions/user-select.js";
import { ConditionEditor } from "../conditions/condition-editor.js";
import { useDraft } from "../draft/draft-context.js";
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
  const setting = useActionSetting(automation.object, false);
  const { issues } = editor;
  const set = (change: Partial<Automation>) => editor.update((a) => ({ ...a, ...change }));
  return (
    <div className="automation-designer">
      <ProcessHeader editor={editor} process={automation} back="/automations" backText={t("page.back")} />
      <Form layout="vertical" component="div">
        <Card title={t("section.basics")} className="automation-card">
          <ProcessBasics
            process={automation}
            stored={editor.stored}
            issues={issues}
            objects={setting.objects}
            texts={processBasicsTexts(t)}
            className="automation-basics"
            onSet={set}
            onDescription={(description) => editor.update((a) => withDescription(a, description))}
          >
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
                status={issues.at("/runAs") === undefined ? undefined : "error"}
                value={automation.runAs}
                onChange={(user) => editor.update((a) => withRunAs(a, user))}
              />
            </IssueItem>
          </ProcessBasics>
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
