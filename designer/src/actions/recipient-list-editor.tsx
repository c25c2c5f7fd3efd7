import { PlusOutlined } from "@ant-design/icons";
import type { Recipient } from "@tessera/metadata";
import { Button, Input } from "antd";
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
import { PartyRow } from "./party-row.js";
import { PartyTarget, type PartyType } from "./party-target.js";

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
            <PartyRow
              // biome-ignore lint/suspicious/noArrayIndexKey: recipients have no identity besides their place
              key={r}
              issues={issues}
              pointer={at}
              className="recipient-row"
              type={recipient.type}
              types={types.map((type) => ({ value: type, label: t(TYPE_LABELS[type]) }))}
              onType={(type) => onChange(replaceAt(recipients, r, recipientOfType(type, setting)))}
              typeName={t("control", { scope: rowScope, control: t("part.type") })}
              removeName={t("list.remove", { scope: rowScope })}
              canRemove={recipients.length > 1}
              onRemove={() => onChange(removeAt(recipients, r))}
            >
              <RecipientTarget
                recipient={recipient}
                onChange={(next) => onChange(replaceAt(recipients, r, next))}
                setting={setting}
                issues={issues}
                pointer={at}
                scope={rowScope}
              />
            </PartyRow>
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

const PART_LABELS: Record<PartyType, ActionTextKey> = {
  user: "part.user",
  role: "part.role",
  group: "part.group",
  field: "part.field",
};

/** The user, role, group, field or address a recipient names; owner and submitter need none. */
const RecipientTarget = ({ recipient, onChange, setting, issues, pointer, scope }: TargetProps) => {
  const t = useActionText();
  switch (recipient.type) {
    case "owner":
    case "submitter":
      return null;
    case "email":
      return (
        <IssueItem issues={issues} pointer={`${pointer}/address`}>
          <Input
            aria-label={t("control", { scope, control: t("part.address") })}
            type="email"
            style={{ minWidth: 220 }}
            status={issues.at(`${pointer}/address`) === undefined ? undefined : "error"}
            value={recipient.address}
            onChange={(e) => onChange({ type: "email", address: e.target.value })}
          />
        </IssueItem>
      );
    default:
      return (
        <PartyTarget
          party={recipient}
          onChange={onChange}
          users={setting.users}
          roles={setting.roles}
          groups={setting.groups}
          fields={recipientFields(setting.object)}
          issues={issues}
          pointer={pointer}
          nameOf={(type) => t("control", { scope, control: t(PART_LABELS[type]) })}
        />
      );
  }
};
