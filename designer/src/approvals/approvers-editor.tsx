import { PlusOutlined } from "@ant-design/icons";
import type { Approver } from "@tessera/metadata";
import { Button, Typography } from "antd";
import { removeAt, replaceAt } from "../actions/action-edits.js";
import { userFields } from "../actions/field-choices.js";
import { IssueItem } from "../actions/issue-item.js";
import { PartyRow } from "../actions/party-row.js";
import { PartyTarget, type PartyType } from "../actions/party-target.js";
import type { DocumentIssues } from "../editing/issues.js";
import {
  APPROVER_TYPES,
  type ApproverChoices,
  type ApproverType,
  approverOfType,
  nextApprover,
} from "./approval-model.js";
import { type ApprovalTextKey, useApprovalText } from "./approval-texts.js";

const TYPE_LABELS: Record<ApproverType, ApprovalTextKey> = {
  submitterManager: "approver.submitterManager",
  user: "approver.user",
  role: "approver.role",
  group: "approver.group",
  field: "approver.field",
};

interface Props {
  approvers: readonly Approver[];
  onChange: (next: Approver[]) => void;
  choices: ApproverChoices;
  issues: DocumentIssues;
  /** Pointer of the list (`/steps/1/approvers`). */
  pointer: string;
  /** Number of the step, 1-based, for the controls' names. */
  step: number;
}

/** Who decides a step: each approver is a kind and the user, role, group or field it names. */
export const ApproversEditor = ({ approvers, onChange, choices, issues, pointer, step }: Props) => {
  const t = useApprovalText();
  return (
    <IssueItem issues={issues} pointer={pointer} label={t("steps.approvers")}>
      <div className="approver-list">
        {approvers.map((approver, a) => {
          const name = t("approver.n", { step, n: a + 1 });
          const at = `${pointer}/${a}`;
          return (
            <PartyRow
              // biome-ignore lint/suspicious/noArrayIndexKey: approvers have no identity besides their place
              key={a}
              issues={issues}
              pointer={at}
              className="approver-row"
              type={approver.type}
              types={APPROVER_TYPES.map((type) => ({ value: type, label: t(TYPE_LABELS[type]) }))}
              onType={(type) => onChange(replaceAt(approvers, a, approverOfType(type, choices)))}
              typeName={t("approver.type", { approver: name })}
              removeName={t("approver.remove", { approver: name })}
              canRemove={approvers.length > 1}
              onRemove={() => onChange(removeAt(approvers, a))}
            >
              <ApproverTarget
                approver={approver}
                onChange={(next) => onChange(replaceAt(approvers, a, next))}
                choices={choices}
                issues={issues}
                pointer={at}
                name={name}
              />
            </PartyRow>
          );
        })}
        <Button
          size="small"
          icon={<PlusOutlined />}
          aria-label={t("approver.add", { n: step })}
          disabled={approvers.length >= 25}
          onClick={() => onChange([...approvers, nextApprover(approvers, choices)])}
        >
          {t("approver.addShort")}
        </Button>
      </div>
    </IssueItem>
  );
};

interface TargetProps {
  approver: Approver;
  onChange: (next: Approver) => void;
  choices: ApproverChoices;
  issues: DocumentIssues;
  pointer: string;
  name: string;
}

const PICK_LABELS: Record<PartyType, ApprovalTextKey> = {
  user: "approver.pickUser",
  role: "approver.pickRole",
  group: "approver.pickGroup",
  field: "approver.pickField",
};

const ApproverTarget = ({ approver, onChange, choices, issues, pointer, name }: TargetProps) => {
  const t = useApprovalText();
  if (approver.type === "submitterManager") {
    return <Typography.Text type="secondary">{t("approver.managerNote")}</Typography.Text>;
  }
  return (
    <PartyTarget
      party={approver}
      onChange={onChange}
      users={choices.users}
      roles={choices.roles}
      groups={choices.groups}
      fields={userFields(choices.object)}
      issues={issues}
      pointer={pointer}
      nameOf={(type) => t(PICK_LABELS[type], { approver: name })}
    />
  );
};
