import { get } from "../api/http.js";
import type { UserRef } from "../record/approval-view.js";

/** One pending approval work item of the signed-in user (GET /api/v1/approvals/inbox). */
export interface InboxItem {
  object: string;
  objectLabel: string;
  recordId: string;
  recordName: string;
  requestId: string;
  process: { name: string; label?: string };
  step: { name: string; label?: string };
  submittedBy?: UserRef;
  submittedAt: string;
  since?: string;
}

export const loadInbox = async (signal?: AbortSignal): Promise<InboxItem[]> =>
  (await get<{ items: InboxItem[] }>("/api/v1/approvals/inbox", signal)).items;
