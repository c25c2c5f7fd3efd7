import { ArrowLeftOutlined } from "@ant-design/icons";
import type { ApprovalProcess, JsonValue } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Card, Form, InputNumber, Select, Switch, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { IssueItem } from "../actions/issue-item.js";
import { newProcessOfQuery } from "../actions/new-process-path.js";
import { withDescription } from "../actions/process-edits.js";
import { useActionSetting } from "../actions/use-action-setting.js";
import { ConditionEditor } from "../conditions/condition-editor.js";
import { useDraft } from "../draft/draft-context.js";
import { EditorToolbar } from "../editing/editor-toolbar.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { type DocumentEditor, useDocumentEditor } from "../editing/use-document-editor.js";
import { ApprovalActionsEditor } from "./approval-actions-editor.js";
import { newApprovalProcess, withEntryCriteria } from "./approval-model.js";
import { ApprovalStepsEditor } from "./approval-steps-editor.js";
import { useApprovalText } from "./approval-texts.js";
import "./approvals.css";

/** The approval process designer at /approvals/:name; a name the draft lacks starts a new process. */
export const ApprovalDesignerPage = () => {
  const { name = "" } = useParams();
  return <ApprovalDesigner key={name} name={name} />;
};

const ApprovalDesigner = ({ name }: { name: string }) => {
  const draft = useDraft();
  const [query] = useSearchParams();
  const [initial] = useState<ApprovalProcess | undefined>(() => {
    if (draft.find("approvalProcess", name) !== undefined) return undefined;
    const asked = newProcessOfQuery(name, query);
    const object = asked.object ?? draft.ofKind("object")[0]?.name ?? "";
    return newApprovalProcess({ ...asked, object }, draft.ofKind("approvalProcess"));
  });
  const editor = useDocumentEditor("approvalProcess", name, initial);
  const process = editor.value;
  if (process === undefined) return null;
  return <ApprovalForm editor={editor} process={process} />;
};

const ApprovalForm = ({
  editor,
  process,
}: {
  editor: DocumentEditor<"approvalProcess">;
  process: ApprovalProcess;
}) => {
  const t = useApprovalText();
  const { label } = useLocale();
  const draft = useDraft();
  const setting = useActionSetting(process.object, true);
  const saved = draft.find("approvalProcess", process.name);
  const savedNames = useMemo(() => new Set(saved?.steps.map((s) => s.name) ?? []), [saved]);
  const { issues } = editor;
  const set = (change: Partial<ApprovalProcess>) => editor.update((p) => ({ ...p, ...change }));
  const errorAt = (pointer: string) => (issues.at(pointer) === undefined ? undefined : ("error" as const));
  return (
    <div className="approval-designer">
      <EditorToolbar editor={editor} />
      <Link to="/approvals">
        <ArrowLeftOutlined /> {t("page.back")}
      </Link>
      <Typography.Title level={3}>{label(process.label, process.name)}</Typography.Title>
      <Form layout="vertical" component="div">
        <Card title={t("section.basics")} className="approval-card">
          <div className="approval-basics">
            <IssueItem issues={issues} pointer="/label" label={t("basics.label")}>
              <LocalizedTextInput
                value={process.label}
                onChange={(next) => set({ label: next })}
                label={t("basics.label")}
                status={issues.under("/label") ? "error" : undefined}
              />
            </IssueItem>
            <IssueItem issues={issues} pointer="/name" label={t("basics.name")}>
              <code>{process.name}</code>
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
                value={process.object === "" ? undefined : process.object}
                onChange={(object: string) => set({ object })}
                options={setting.objects.map((o) => ({ value: o.name, label: label(o.label, o.name) }))}
              />
            </IssueItem>
            <IssueItem issues={issues} pointer="/active" label={t("basics.active")}>
              <Switch
                aria-label={t("basics.active")}
                checked={process.active}
                onChange={(active) => set({ active })}
              />
            </IssueItem>
            <IssueItem
              issues={issues}
              pointer="/priority"
              label={t("basics.priority")}
              help={t("basics.priorityHelp")}
            >
              <InputNumber
                aria-label={t("basics.priority")}
                min={0}
                max={1000}
                precision={0}
                status={errorAt("/priority")}
                value={process.priority}
                onChange={(priority) => {
                  if (typeof priority === "number") set({ priority });
                }}
              />
            </IssueItem>
            <IssueItem issues={issues} pointer="/description" label={t("basics.description")}>
              <LocalizedTextInput
                value={process.description}
                onChange={(description) => editor.update((p) => withDescription(p, description))}
                label={t("basics.description")}
              />
            </IssueItem>
          </div>
        </Card>
        <Card title={t("section.entry")} className="approval-card">
          <IssueItem issues={issues} pointer="/entryCriteria" help={t("entry.help")}>
            <ConditionEditor
              value={process.entryCriteria as JsonValue | undefined}
              onChange={(criteria) => editor.update((p) => withEntryCriteria(p, criteria))}
              fields={setting.object?.fields ?? []}
              error={issues.at("/entryCriteria")}
              label={t("entry.label")}
            />
          </IssueItem>
        </Card>
        <Card title={t("section.lock")} className="approval-card">
          <IssueItem issues={issues} pointer="/lockRecord" help={t("lock.note")}>
            <span className="approval-switch">
              <Switch
                aria-label={t("lock.lock")}
                checked={process.lockRecord !== false}
                onChange={(lockRecord) => set({ lockRecord })}
              />
              {t("lock.lock")}
            </span>
          </IssueItem>
          <IssueItem issues={issues} pointer="/allowRecall">
            <span className="approval-switch">
              <Switch
                aria-label={t("lock.recall")}
                checked={process.allowRecall === true}
                onChange={(allowRecall) => set({ allowRecall })}
              />
              {t("lock.recall")}
            </span>
          </IssueItem>
        </Card>
        <Card title={t("section.steps")} className="approval-card">
          <IssueItem issues={issues} pointer="/steps">
            <ApprovalStepsEditor
              editor={editor}
              process={process}
              choices={setting}
              savedNames={savedNames}
            />
          </IssueItem>
        </Card>
        <Card title={t("section.actions")} className="approval-card">
          <ApprovalActionsEditor editor={editor} process={process} setting={setting} />
        </Card>
      </Form>
    </div>
  );
};
