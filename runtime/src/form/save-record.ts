import type { JsonValue } from "@tessera/metadata";
import { api, get } from "../api/http.js";
import type { RecordData } from "../api/types.js";

const recordsPath = (object: string) => `/api/v1/records/${encodeURIComponent(object)}`;

export const loadRecord = (object: string, id: string, signal?: AbortSignal): Promise<RecordData> =>
  get<RecordData>(`${recordsPath(object)}/${encodeURIComponent(id)}`, signal);

export const createRecord = (object: string, values: Record<string, JsonValue>): Promise<RecordData> =>
  api<RecordData>("POST", recordsPath(object), { body: values });

/** Saves changes made to the record as read at `version`; a newer version on the server answers 409. */
export const updateRecord = (
  object: string,
  id: string,
  version: number,
  changes: Record<string, JsonValue>,
): Promise<RecordData> =>
  api<RecordData>("PATCH", `${recordsPath(object)}/${encodeURIComponent(id)}`, {
    body: changes,
    headers: { "if-match": String(version) },
  });

/** Whether a pending approval locks the record (only its approvers and administrators may change it). */
export const loadLocked = async (object: string, id: string, signal?: AbortSignal): Promise<boolean> => {
  const approval = await get<{ locked?: boolean }>(
    `${recordsPath(object)}/${encodeURIComponent(id)}/approval`,
    signal,
  );
  return approval.locked === true;
};
