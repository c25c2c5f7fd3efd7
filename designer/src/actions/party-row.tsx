import { DeleteOutlined } from "@ant-design/icons";
import { Button, Select, Space } from "antd";
import type { ReactNode } from "react";
import type { DocumentIssues } from "../editing/issues.js";
import { IssueItem } from "./issue-item.js";

interface Props<T extends string> {
  issues: DocumentIssues;
  /** Pointer of the approver or recipient (`/steps/0/approvers/1`). */
  pointer: string;
  className: string;
  type: T;
  types: readonly { value: T; label: string }[];
  onType: (type: T) => void;
  typeName: string;
  removeName: string;
  /** The last one stays: a step needs an approver and a notification a recipient. */
  canRemove: boolean;
  onRemove: () => void;
  /** The control for what the chosen kind names (a user, role, field ...). */
  children: ReactNode;
}

/** One approver or recipient: its kind, what that kind names, and a remove button. */
export const PartyRow = <T extends string>(props: Props<T>) => {
  const { issues, pointer, className, type, types, onType, typeName, removeName, canRemove, onRemove } =
    props;
  return (
    <Space align="start" wrap className={className}>
      <IssueItem issues={issues} pointer={`${pointer}/type`}>
        <Select<T>
          aria-label={typeName}
          style={{ minWidth: 220 }}
          value={type}
          onChange={onType}
          options={[...types]}
        />
      </IssueItem>
      {props.children}
      <Button aria-label={removeName} icon={<DeleteOutlined />} disabled={!canRemove} onClick={onRemove} />
    </Space>
  );
};
