import { Form } from "antd";
import type { ReactNode } from "react";
import type { DocumentIssues } from "../editing/issues.js";

interface Props {
  issues: DocumentIssues;
  /** JSON pointer of the value the control edits, e.g. `/steps/1/approvers/0/role`. */
  pointer: string;
  label?: ReactNode;
  help?: ReactNode;
  children: ReactNode;
}

/** A labelled control showing the engine's problem with the value it edits. */
export const IssueItem = ({ issues, pointer, label, help, children }: Props) => {
  const problem = issues.at(pointer);
  return (
    <Form.Item
      label={label}
      validateStatus={problem === undefined ? undefined : "error"}
      help={problem ?? help}
    >
      {children}
    </Form.Item>
  );
};
