import type { JsonObject, JsonValue } from "@tessera/metadata";
import type { StoredRecord } from "../store/store-port.js";

/** Where a record's approval state is kept: on the record, so each transition is one conditioned write. */
export const APPROVAL_KEY = "_approval";

/** History kept per record: older entries beyond this are dropped (oldest first). */
export const MAX_APPROVAL_HISTORY = 500;

export type ApprovalStatus = "pending" | "approved" | "rejected" | "recalled";
export type Decision = "approve" | "reject";

export interface ApprovalDecision {
  userId: string;
  decision: Decision;
  at: string;
  comment?: string;
}

/** The latest approval request of a record. */
export interface ApprovalRequest {
  id: string;
  process: string;
  status: ApprovalStatus;
  submittedBy: string;
  submittedAt: string;
  /** Whether the record is locked while this request is pending. */
  locked: boolean;
  /** Index (into the process's steps) of the step waiting for decisions, while pending. */
  step?: number;
  /** Who decides the current step. */
  approvers: string[];
  /** Decisions taken in the current step. */
  decisions: ApprovalDecision[];
  /** Indexes of the steps entered so far, in order: "back to the previous step" walks this. */
  path: number[];
  completedAt?: string;
}

export type HistoryAction =
  | "submitted"
  | "stepStarted"
  | "stepSkipped"
  | "approved"
  | "rejected"
  | "recalled"
  | "finalApproved"
  | "finalRejected"
  | "returned";

export interface ApprovalHistoryEntry {
  requestId: string;
  at: string;
  action: HistoryAction;
  step?: string;
  actorId?: string;
  comment?: string;
  approvers?: string[];
}

export interface ApprovalRecordState {
  request?: ApprovalRequest;
  history: ApprovalHistoryEntry[];
}

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The approval state stored on a record (an empty state when it never was submitted). */
export const approvalStateOf = (record: StoredRecord): ApprovalRecordState => {
  const stored = record[APPROVAL_KEY];
  if (!isObject(stored)) return { history: [] };
  return stored as unknown as ApprovalRecordState;
};

export const pendingRequestOf = (record: StoredRecord): ApprovalRequest | undefined => {
  const request = approvalStateOf(record).request;
  return request?.status === "pending" ? request : undefined;
};

/** Whether edits of the record are refused (423) for everyone but its approvers and administrators. */
export const isLocked = (record: StoredRecord): boolean => pendingRequestOf(record)?.locked === true;

export const toStored = (state: ApprovalRecordState): JsonValue => {
  const history = state.history.slice(-MAX_APPROVAL_HISTORY);
  return { ...(state.request && { request: state.request }), history } as unknown as JsonValue;
};
