import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Approver } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { AutoComplete, Button, Select, Space, Typography } from "antd";
import { removeAt, replaceAt } from "../actions/action-edits.js";
import { userFields } from "../actions/field-choices.js";
import { IssueItem } from "../actions/issue-item.js";
import { UserSelect } from "../actions/user-select.js";
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
            // biome-ignore lint/suspicious/noArrayIndexKey: approvers have no identity besides their place
            <Space key={a} align="start" wrap className="approver-row">
              <IssueItem issues={issues} pointer={`${at}/type`}>
                <Select
                  aria-label={t("approver.type", { approver: name })}
                  style={{ minWidth: 220 }}
                  value={approver.type}
                  onChange={(type: ApproverType) =>
                    onChange(replaceAt(approvers, a, approverOfType(type, choices)))
                  }
                  options={APPROVER_TYPES.map((type) => ({ value: type, label: t(TYPE_LABELS[type]) }))}
                />
              </IssueItem>
              <ApproverTarget
                approver={approver}
                onChange={(next) => onChange(replaceAt(approvers, a, next))}
                choices={choices}
                issues={issues}
                pointer={at}
                name={name}
              />
              <Button
                aria-label={t("approver.remove", { approver: name })}
                icon={<DeleteOutlined />}
                disabled={approvers.length <= 1}
                onClick={() => onChange(removeAt(approvers, a))}
              />
            </Space>
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

const ApproverTarget = ({ approver, onChange, choices, issues, pointer, name }: TargetProps) => {
  const t = useApprovalText();
  const { label } = useLocale();
  const status = (key: string) => (issues.at(`${pointer}/${key}`) === undefined ? undefined : "error");
  switch (approver.type) {
    case "submitterManager":
      return <Typography.Text type="secondary">{t("approver.managerNote")}</Typography.Text>;
    case "user":
      return (
        <IssueItem issues={issues} pointer={`${pointer}/user`}>
          <div style={{ minWidth: 220 }}>
            <UserSelect
              label={t("approver.pickUser", { approver: name })}
              by="username"
              users={choices.users}
              status={status("user")}
              value={approver.user}
              onChange={(user) => onChange({ type: "user", user: user ?? "" })}
            />
          </div>
        </IssueItem>
      );
    case "role":
      return (
        <IssueItem issues={issues} pointer={`${pointer}/role`}>
          <Select
            aria-label={t("approver.pickRole", { approver: name })}
            style={{ minWidth: 220 }}
            showSearch={{ optionFilterProp: "label" }}
            status={status("role")}
            value={approver.role === "" ? undefined : approver.role}
            onChange={(role: string) => onChange({ type: "role", role })}
            options={choices.roles.map((role) => ({ value: role.name, label: label(role.label, role.name) }))}
          />
        </IssueItem>
      );
    case "group":
      return (
        <IssueItem issues={issues} pointer={`${pointer}/group`}>
          <AutoComplete
            aria-label={t("approver.pickGroup", { approver: name })}
            style={{ minWidth: 220 }}
            status={status("group")}
            value={approver.group}
            onChange={(group: string) => onChange({ type: "group", group })}
            options={choices.groups.map((group) => ({ value: group }))}
          />
        </IssueItem>
      );
    case "field":
      return (
        <IssueItem issues={issues} pointer={`${pointer}/field`}>
          <Select
            aria-label={t("approver.pickField", { approver: name })}
            style={{ minWidth: 220 }}
            status={status("field")}
            value={approver.field}
            onChange={(field: string) => onChange({ type: "field", field })}
            options={userFields(choices.object).map((f) => ({
              value: f.name,
              label: label(f.label, f.name),
            }))}
          />
        </IssueItem>
      );
  }
};
