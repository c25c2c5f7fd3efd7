import type { JsonValue, LocalizedText } from "@tessera/metadata";
import { api, get } from "../api/http.js";
import type { RecordData } from "../api/types.js";

export interface FindJob {
  id: string;
  object: string;
  status: "running" | "completed" | "failed";
  progress: { processed: number; total: number; percent: number };
  pairs?: number;
  /** Once completed: how many groups of duplicates were found. */
  groups?: number;
}

/** A record of a group, with the values of the fields the user may read. */
export interface DuplicateRecord {
  id: string;
  name: string;
  values: Record<string, unknown>;
}

export interface DuplicateGroup {
  id: string;
  rule: string;
  /** How alike the records are, 0..1. */
  score: number;
  records: DuplicateRecord[];
}

export interface GroupPage {
  groups: DuplicateGroup[];
  nextCursor: string | null;
}

export interface MergeRequest {
  survivorId: string;
  mergedIds: string[];
  /** The value chosen for each field whose kept value is not the survivor's own. */
  values: Record<string, JsonValue>;
}

export interface MergeEntry {
  id: string;
  object: string;
  survivorId: string;
  mergedIds: string[];
  at: string;
  by: string;
  undoneAt?: string;
}

/** A duplicate rule as a picker shows it; the object UI lists the object's rules when the server sends them. */
export interface DuplicateRuleInfo {
  name: string;
  label: LocalizedText;
}

export const isFinalJob = (job: FindJob) => job.status !== "running";

const jobPath = (id: string) => `/api/v1/duplicates/jobs/${encodeURIComponent(id)}`;

export const startFindJob = (object: string, rule: string | undefined) =>
  api<FindJob>("POST", "/api/v1/duplicates/jobs", { body: { object, ...(rule !== undefined && { rule }) } });

export const loadFindJob = (id: string, signal?: AbortSignal) => get<FindJob>(jobPath(id), signal);

export const loadGroups = (
  jobId: string,
  limit: number,
  cursor: string | undefined,
  signal?: AbortSignal,
) => {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor !== undefined) params.set("cursor", cursor);
  return get<GroupPage>(`${jobPath(jobId)}/groups?${params}`, signal);
};

export const mergeRecords = (object: string, request: MergeRequest) =>
  api<{ survivor: RecordData; mergeId: string }>(
    "POST",
    `/api/v1/records/${encodeURIComponent(object)}/merge`,
    {
      body: request,
    },
  );

export const loadMerges = async (object: string, signal?: AbortSignal): Promise<MergeEntry[]> =>
  (await get<{ merges: MergeEntry[] }>(`/api/v1/merges?${new URLSearchParams({ object })}`, signal)).merges;

export const undoMerge = (id: string) =>
  api<unknown>("POST", `/api/v1/merges/${encodeURIComponent(id)}/undo`, { body: {} });
