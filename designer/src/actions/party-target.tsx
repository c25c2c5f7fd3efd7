import type { Role } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { AutoComplete, Select } from "antd";
import type { DocumentIssues } from "../editing/issues.js";
import type { DirectoryUser } from "./action-defaults.js";
import type { FieldChoice } from "./field-choices.js";
import { IssueItem } from "./issue-item.js";
import { UserSelect } from "./user-select.js";

/** A person or set of people named the same way by approvers and notification recipients. */
export type Party =
  | { type: "user"; user: string }
  | { type: "role"; role: string }
  | { type: "group"; group: string }
  | { type: "field"; field: string };

export type PartyType = Party["type"];

interface Props {
  party: Party;
  onChange: (next: Party) => void;
  users: readonly DirectoryUser[];
  roles: readonly Role[];
  groups: readonly string[];
  /** The record's fields that may name the party (user fields; for recipients also emails). */
  fields: readonly FieldChoice[];
  issues: DocumentIssues;
  /** Pointer of the approver or recipient (`/steps/0/approvers/1`). */
  pointer: string;
  /** The accessible name of the control picking a party of `type`. */
  nameOf: (type: PartyType) => string;
}

/** The user, role, group or record field an approver or recipient names. */
export const PartyTarget = ({
  party,
  onChange,
  users,
  roles,
  groups,
  fields,
  issues,
  pointer,
  nameOf,
}: Props) => {
  const { label } = useLocale();
  const status = (key: string) => (issues.at(`${pointer}/${key}`) === undefined ? undefined : "error");
  switch (party.type) {
    case "user":
      return (
        <IssueItem issues={issues} pointer={`${pointer}/user`}>
          <div style={{ minWidth: 220 }}>
            <UserSelect
              label={nameOf("user")}
              by="username"
              users={users}
              status={status("user")}
              value={party.user}
              onChange={(user) => onChange({ type: "user", user: user ?? "" })}
            />
          </div>
        </IssueItem>
      );
    case "role":
      return (
        <IssueItem issues={issues} pointer={`${pointer}/role`}>
          <Select
            aria-label={nameOf("role")}
            style={{ minWidth: 220 }}
            showSearch={{ optionFilterProp: "label" }}
            status={status("role")}
            value={party.role === "" ? undefined : party.role}
            onChange={(role: string) => onChange({ type: "role", role })}
            options={roles.map((role) => ({ value: role.name, label: label(role.label, role.name) }))}
          />
        </IssueItem>
      );
    case "group":
      return (
        <IssueItem issues={issues} pointer={`${pointer}/group`}>
          <AutoComplete
            aria-label={nameOf("group")}
            style={{ minWidth: 220 }}
            status={status("group")}
            value={party.group}
            onChange={(group: string) => onChange({ type: "group", group })}
            options={groups.map((group) => ({ value: group }))}
          />
        </IssueItem>
      );
    case "field":
      return (
        <IssueItem issues={issues} pointer={`${pointer}/field`}>
          <Select
            aria-label={nameOf("field")}
            style={{ minWidth: 220 }}
            status={status("field")}
            value={party.field}
            onChange={(field: string) => onChange({ type: "field", field })}
            options={fields.map((f) => ({ value: f.name, label: label(f.label, f.name) }))}
          />
        </IssueItem>
      );
  }
};
