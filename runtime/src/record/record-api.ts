import type { JsonValue } from "@tessera/metadata";
import { api, get } from "../api/http.js";
import type { RecordData, RecordPage } from "../api/types.js";
import type { ApprovalCommand, ApprovalView } from "./approval-view.js";

const recordPath = (object: string, id: string) =>
  `/api/v1/records/${encodeURIComponent(object)}/${encodeURIComponent(id)}`;

export interface HistoryEntry {
  field: string;
  oldValue: JsonValue;
  newValue: JsonValue;
  version: number;
  changedAt: string;
  changedBy: string;
}

export const loadRecord = (object: string, id: string, signal?: AbortSignal) =>
  get<RecordData>(recordPath(object, id), signal);

export const loadApproval = (object: string, id: string, signal?: AbortSignal) =>
  get<ApprovalView>(`${recordPath(object, id)}/approval`, signal);

export const loadHistory = async (object: string, id: string, signal?: AbortSignal) =>
  (await get<{ entries: HistoryEntry[] }>(`${recordPath(object, id)}/history`, signal)).entries;

export const deleteRecord = (object: string, id: string, version: number) =>
  api<void>("DELETE", recordPath(object, id), { headers: { "if-match": String(version) } });

/**
 * Runs an approval command. `step` names the step a decision is meant for, so a decision on a step
 * someone else already settled is refused (409) instead of landing on the next one.
 */
export const runApprovalCommand = (
  object: string,
  id: string,
  command: ApprovalCommand,
  comment: string,
  step?: string,
) =>
  api<ApprovalView>("POST", `${recordPath(object, id)}/approval/${command}`, {
    body: {
      ...(comment.trim() !== "" && { comment: comment.trim() }),
      ...(step !== undefined && (command === "approve" || command === "reject") && { step }),
    },
  });

export interface ChildQuery {
  child: string;
  field: string;
  parentId: string;
  sort?: ReadonlyArray<{ field: string; direction: "asc" | "desc" }>;
}

/** The first page of the children of a record: the records of `child` whose `field` points to it. */
export const loadChildren = (query: ChildQuery, signal?: AbortSignal) => {
  const params = new URLSearchParams({
    filter: JSON.stringify({ "==": [{ var: query.field }, query.parentId] }),
    limit: "10",
    count: "true",
  });
  if (query.sort !== undefined && query.sort.length > 0)
    params.set("sort", query.sort.map((k) => `${k.direction === "desc" ? "-" : ""}${k.field}`).join(","));
  return get<RecordPage>(`/api/v1/records/${encodeURIComponent(query.child)}?${params}`, signal);
};
