import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Recipient } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { AutoComplete, Button, Input, Select, Space } from "antd";
import type { DocumentIssues } from "../editing/issues.js";
import {
  type ActionSetting,
  RECIPIENT_TYPES,
  type RecipientType,
  recipientOfType,
} from "./action-defaults.js";
import { removeAt, replaceAt } from "./action-edits.js";
import { type ActionTextKey, useActionText } from "./action-texts.js";
import { recipientFields } from "./field-choices.js";
import { IssueItem } from "./issue-item.js";
import { UserSelect } from "./user-select.js";

interface Props {
  recipients: readonly Recipient[];
  onChange: (next: Recipient[]) => void;
  setting: ActionSetting;
  issues: DocumentIssues;
  /** Pointer of the list (`/actions/onSubmit/0/to`). */
  pointer: string;
  scope: string;
}

const TYPE_LABELS: Record<RecipientType, ActionTextKey> = {
  owner: "recipient.owner",
  submitter: "recipient.submitter",
  user: "recipient.user",
  role: "recipient.role",
  group: "recipient.group",
  field: "recipient.field",
  email: "recipient.email",
};

/** Who a notification goes to: a list of recipients, each a kind and the user, role or field it names. */
export const RecipientListEditor = ({ recipients, onChange, setting, issues, pointer, scope }: Props) => {
  const t = useActionText();
  const types = RECIPIENT_TYPES.filter((type) => type !== "submitter" || setting.hasSubmitter);
  return (
    <IssueItem issues={issues} pointer={pointer} label={t("label.recipients")}>
      <div className="recipient-list">
        {recipients.map((recipient, r) => {
          const at = `${pointer}/${r}`;
          const rowScope = `${scope}, ${t("recipient.n", { n: r + 1 })}`;
          return (
            // Recipients have no identity besides their place in the list.
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered
            <Space key={r} align="start" wrap className="recipient-row">
              <IssueItem issues={issues} pointer={`${at}/type`}>
                <Select
                  aria-label={t("control", { scope: rowScope, control: t("part.type") })}
                  style={{ minWidth: 220 }}
                  value={recipient.type}
                  onChange={(type: RecipientType) =>
                    onChange(replaceAt(recipients, r, recipientOfType(type, setting)))
                  }
                  options={types.map((type) => ({ value: type, label: t(TYPE_LABELS[type]) }))}
                />
              </IssueItem>
              <RecipientTarget
                recipient={recipient}
                onChange={(next) => onChange(replaceAt(recipients, r, next))}
                setting={setting}
                issues={issues}
                pointer={at}
                scope={rowScope}
              />
              <Button
                aria-label={t("list.remove", { scope: rowScope })}
                icon={<DeleteOutlined />}
                disabled={recipients.length <= 1}
                onClick={() => onChange(removeAt(recipients, r))}
              />
            </Space>
          );
        })}
        <Button
          size="small"
          icon={<PlusOutlined />}
          aria-label={`${t("recipient.add")} (${scope})`}
          onClick={() => onChange([...recipients, recipientOfType("owner", setting)])}
        >
          {t("recipient.add")}
        </Button>
      </div>
    </IssueItem>
  );
};

interface TargetProps {
  recipient: Recipient;
  onChange: (next: Recipient) => void;
  setting: ActionSetting;
  issues: DocumentIssues;
  pointer: string;
  scope: string;
}

/** The user, role, group, field or address a recipient names; owner and submitter need none. */
const RecipientTarget = ({ recipient, onChange, setting, issues, pointer, scope }: TargetProps) => {
  const t = useActionText();
  const { label } = useLocale();
  const name = (part: ActionTextKey) => t("control", { scope, control: t(part) });
  const status = (key: string) => (issues.at(`${pointer}/${key}`) === undefined ? undefined : "error");
  switch (recipient.type) {
    case "owner":
    case "submitter":
      return null;
    case "user":
      return (
        <IssueItem issues={issues} pointer={`${pointer}/user`}>
          <div style={{ minWidth: 220 }}>
            <UserSelect
              label={name("part.user")}
              by="username"
              users={setting.users}
              status={status("user")}
              value={recipient.user}
              onChange={(user) => onChange({ type: "user", user: user ?? "" })}
            />
          </div>
        </IssueItem>
      );
    case "role":
      return (
        <IssueItem issues={issues} pointer={`${pointer}/role`}>
          <Select
            aria-label={name("part.role")}
            style={{ minWidth: 220 }}
            status={status("role")}
            value={recipient.role === "" ? undefined : recipient.role}
            onChange={(role: string) => onChange({ type: "role", role })}
            options={setting.roles.map((role) => ({ value: role.name, label: label(role.label, role.name) }))}
          />
        </IssueItem>
      );
    case "group":
      return (
        <IssueItem issues={issues} pointer={`${pointer}/group`}>
          <AutoComplete
            aria-label={name("part.group")}
            style={{ minWidth: 220 }}
            status={status("group")}
            value={recipient.group}
            onChange={(group: string) => onChange({ type: "group", group })}
            options={setting.groups.map((group) => ({ value: group }))}
          />
        </IssueItem>
      );
    case "field":
      return (
        <IssueItem issues={issues} pointer={`${pointer}/field`}>
          <Select
            aria-label={name("part.field")}
            style={{ minWidth: 220 }}
            status={status("field")}
            value={recipient.field}
            onChange={(field: string) => onChange({ type: "field", field })}
            options={recipientFields(setting.object).map((f) => ({
              value: f.name,
              label: label(f.label, f.name),
            }))}
          />
        </IssueItem>
      );
    case "email":
      return (
        <IssueItem issues={issues} pointer={`${pointer}/address`}>
          <Input
            aria-label={name("part.address")}
            type="email"
            style={{ minWidth: 220 }}
            status={status("address")}
            value={recipient.address}
            onChange={(e) => onChange({ type: "email", address: e.target.value })}
          />
        </IssueItem>
      );
  }
};
