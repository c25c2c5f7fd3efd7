import type { ApprovalProcess, JsonValue } from "@tessera/metadata";
import { Card, Form, InputNumber, Switch } from "antd";
import { useMemo, useState } from "react";
import { useParams, useSearchParams } from "react-router-dom";
import { IssueItem } from "../actions/issue-item.js";
import { newProcessOfQuery } from "../actions/new-process-path.js";
import { ProcessBasics, ProcessHeader, processBasicsTexts } from "../actions/process-basics.js";
import { withDescription } from "../actions/process-edits.js";
import { useActionSetting } from "../actions/use-action-setting.js";
import { ConditionEditor } from "../conditions/condition-editor.js";
import { useDraft } from "../draft/draft-context.js";
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
  const draft = useDraft();
  const setting = useActionSetting(process.object, true);
  const saved = draft.find("approvalProcess", process.name);
  const savedNames = useMemo(() => new Set(saved?.steps.map((s) => s.name) ?? []), [saved]);
  const { issues } = editor;
  const set = (change: Partial<ApprovalProcess>) => editor.update((p) => ({ ...p, ...change }));
  return (
    <div className="approval-designer">
      <ProcessHeader editor={editor} process={process} back="/approvals" backText={t("page.back")} />
      <Form layout="vertical" component="div">
        <Card title={t("section.basics")} className="approval-card">
          <ProcessBasics
            process={process}
            stored={editor.stored}
            issues={issues}
            objects={setting.objects}
            texts={processBasicsTexts(t)}
            className="approval-basics"
            onSet={set}
            onDescription={(description) => editor.update((p) => withDescription(p, description))}
          >
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
                status={issues.at("/priority") === undefined ? undefined : "error"}
                value={process.priority}
                onChange={(priority) => {
                  if (typeof priority === "number") set({ priority });
                }}
              />
            </IssueItem>
          </ProcessBasics>
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
