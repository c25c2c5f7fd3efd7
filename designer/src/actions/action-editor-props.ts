import type { DocumentIssues } from "../editing/issues.js";
import type { ActionSetting } from "./action-defaults.js";

/** What every action editor gets: its action, where it sits in the document, and what it may name. */
export interface ActionEditorProps<A> {
  action: A;
  onChange: (next: A) => void;
  setting: ActionSetting;
  issues: DocumentIssues;
  /** Pointer of the action in the document (`/actions/onFinalApprove/0`). */
  pointer: string;
  /** Spoken name of the action, prefixing each control's name ("On final approval action 1"). */
  scope: string;
}
