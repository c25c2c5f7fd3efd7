/** A user as the approval API names them. */
export interface UserRef {
  id: string;
  name: string;
}

export type ApprovalStatus = "none" | "pending" | "approved" | "rejected" | "recalled";
export type ApprovalCommand = "submit" | "approve" | "reject" | "recall";

export type ApprovalHistoryAction =
  | "submitted"
  | "stepStarted"
  | "stepSkipped"
  | "approved"
  | "rejected"
  | "recalled"
  | "finalApproved"
  | "finalRejected"
  | "returned";

export interface ApprovalHistoryItem {
  requestId: string;
  at: string;
  action: ApprovalHistoryAction;
  step?: string;
  /** The step's label in the reader's language. */
  stepLabel?: string;
  actor?: UserRef;
  comment?: string;
  approvers?: UserRef[];
}

export interface ApproverState extends UserRef {
  decision: "approve" | "reject" | null;
}

/** GET /api/v1/records/{object}/{id}/approval: the record's latest request and what the caller may do. */
export interface ApprovalView {
  status: ApprovalStatus;
  locked: boolean;
  requestId?: string;
  process?: { name: string; label?: string };
  submittedBy?: UserRef;
  submittedAt?: string;
  completedAt?: string;
  currentStep?: { name: string; label?: string; decision: "firstResponse" | "unanimous" };
  approvers?: ApproverState[];
  canApprove: boolean;
  canRecall: boolean;
  /** Newest first. */
  history: ApprovalHistoryItem[];
}

/** Whether the record's pending request keeps `userId` from changing it (approvers may). */
export const lockedFor = (approval: ApprovalView | undefined, userId: string): boolean =>
  approval !== undefined &&
  approval.status === "pending" &&
  approval.locked &&
  !(approval.approvers ?? []).some((a) => a.id === userId);
