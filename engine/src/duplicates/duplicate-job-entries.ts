import type { JsonObject } from "@tessera/metadata";
import type { TenantStore } from "../store/store-port.js";

/** Entries collections of the find-duplicates jobs: one entry per job, one per group found. */
export const DUPLICATE_JOBS = "duplicateJobs";
export const DUPLICATE_GROUPS = "duplicateGroups";

/** The durable job kind that finds duplicates. */
export const FIND_DUPLICATES_JOB = "findDuplicates";

export type DuplicateJobStatus = "running" | "completed" | "failed";

export interface DuplicateJobProgress {
  /** Records read so far. */
  processed: number;
  /** Records of the object when the job started. */
  total: number;
  percent: number;
}

/** A find-duplicates job as stored (entries `duplicateJobs/<id>`) and answered. */
export interface DuplicateJobState {
  object: string;
  /** The rules it applies, by name. */
  rules: string[];
  status: DuplicateJobStatus;
  progress: DuplicateJobProgress;
  /** Matching pairs found. */
  pairs: number;
  /** Groups stored (before visibility: a reader sees the groups with two records they may see). */
  groups: number;
  createdAt: string;
  createdBy: string;
  startedAt?: string;
  finishedAt?: string;
  /** Why it failed, for its owner. */
  error?: string;
}

/** A group as stored, GROUPS_PER_ENTRY to an entry `duplicateGroups/<jobId>:<n>` (best first). */
export interface StoredDuplicateGroup {
  rule: string;
  score: number;
  recordIds: string[];
}

export interface StoredGroupChunk {
  groups: StoredDuplicateGroup[];
}

/** Groups per entry: a job with thousands of groups writes tens of entries, not thousands. */
export const GROUPS_PER_ENTRY = 100;

const CHUNK_DIGITS = 6;
const INDEX_DIGITS = 3;

export const chunkEntryId = (jobId: string, chunk: number): string =>
  `${jobId}:${String(chunk).padStart(CHUNK_DIGITS, "0")}`;

/** A group's id: its chunk's entry id and its place in the chunk; it is also the groups' cursor. */
export const groupId = (chunkId: string, index: number): string =>
  `${chunkId}:${String(index).padStart(INDEX_DIGITS, "0")}`;

/** The chunk entry id and index of a group id of `jobId`; undefined for anything else. */
export const parseGroupId = (jobId: string, id: string): { chunkId: string; index: number } | undefined => {
  const match = /^(.+):(\d+):(\d+)$/.exec(id);
  if (match === null || match[1] !== jobId) return undefined;
  return { chunkId: `${jobId}:${match[2]}`, index: Number(match[3]) };
};

export const readDuplicateJob = async (
  store: TenantStore,
  id: string,
): Promise<DuplicateJobState | undefined> =>
  (await store.getEntry(DUPLICATE_JOBS, id))?.body as DuplicateJobState | undefined;

export const writeDuplicateJob = (store: TenantStore, id: string, state: DuplicateJobState) =>
  store.putEntry(DUPLICATE_JOBS, id, state as unknown as JsonObject);

/** A job as the API answers it. */
export const presentDuplicateJob = (id: string, state: DuplicateJobState): JsonObject =>
  ({ id, ...state }) as unknown as JsonObject;
