import { DeleteOutlined } from "@ant-design/icons";
import type { ApprovalStep, JsonValue } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Button, Input, Radio, Typography } from "antd";
import { IssueItem } from "../actions/issue-item.js";
import { ConditionEditor } from "../conditions/condition-editor.js";
import type { DocumentIssues } from "../editing/issues.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import type { ApproverChoices } from "./approval-model.js";
import { withStepCriteria } from "./approval-model.js";
import { useApprovalText } from "./approval-texts.js";
import { ApproversEditor } from "./approvers-editor.js";

interface Props {
  step: ApprovalStep;
  index: number;
  onChange: (next: ApprovalStep) => void;
  onRelabel: (label: ApprovalStep["label"]) => void;
  onRemove: (() => void) | undefined;
  choices: ApproverChoices;
  issues: DocumentIssues;
}

/** One step: its label, when it applies, who decides, how, and what a rejection does. */
export const ApprovalStepEditor = ({
  step,
  index,
  onChange,
  onRelabel,
  onRemove,
  choices,
  issues,
}: Props) => {
  const t = useApprovalText();
  const { label } = useLocale();
  const n = index + 1;
  const at = `/steps/${index}`;
  return (
    <div className="approval-step">
      <div className="approval-step-head">
        <Typography.Text strong>
          {t("steps.step", { n })} · {label(step.label, step.name)}
        </Typography.Text>
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t("steps.remove", { n })}
          disabled={onRemove === undefined}
          onClick={onRemove}
        />
      </div>
      <div className="approval-step-grid">
        <IssueItem issues={issues} pointer={`${at}/label`} label={t("steps.label", { n })}>
          <LocalizedTextInput
            value={step.label}
            onChange={onRelabel}
            label={t("steps.label", { n })}
            status={issues.under(`${at}/label`) ? "error" : undefined}
          />
        </IssueItem>
        <IssueItem issues={issues} pointer={`${at}/name`} label={t("steps.name", { n })}>
          <Input
            aria-label={t("steps.name", { n })}
            status={issues.at(`${at}/name`) === undefined ? undefined : "error"}
            value={step.name}
            onChange={(e) => onChange({ ...step, name: e.target.value.trim() })}
          />
        </IssueItem>
      </div>
      <IssueItem
        issues={issues}
        pointer={`${at}/entryCriteria`}
        label={t("steps.criteria", { n })}
        help={t("steps.criteriaHelp")}
      >
        <ConditionEditor
          value={step.entryCriteria as JsonValue | undefined}
          onChange={(criteria) => onChange(withStepCriteria(step, criteria))}
          fields={choices.object?.fields ?? []}
          error={issues.at(`${at}/entryCriteria`)}
          label={t("steps.criteria", { n })}
        />
      </IssueItem>
      <ApproversEditor
        approvers={step.approvers}
        onChange={(approvers) => onChange({ ...step, approvers })}
        choices={choices}
        issues={issues}
        pointer={`${at}/approvers`}
        step={n}
      />
      <div className="approval-step-grid">
        <IssueItem issues={issues} pointer={`${at}/decision`} label={t("steps.decisionLabel")}>
          <Radio.Group
            aria-label={t("steps.decision", { n })}
            value={step.decision}
            onChange={(e) => onChange({ ...step, decision: e.target.value })}
            options={[
              { value: "firstResponse", label: t("steps.firstResponse") },
              { value: "unanimous", label: t("steps.unanimous") },
            ]}
          />
        </IssueItem>
        <IssueItem issues={issues} pointer={`${at}/onReject`} label={t("steps.onRejectLabel")}>
          <Radio.Group
            aria-label={t("steps.onReject", { n })}
            value={step.onReject}
            onChange={(e) => onChange({ ...step, onReject: e.target.value })}
            options={[
              { value: "final", label: t("steps.final") },
              { value: "previousStep", label: t("steps.previous"), disabled: index === 0 },
            ]}
          />
        </IssueItem>
      </div>
    </div>
  );
};
