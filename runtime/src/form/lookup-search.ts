import { get } from "../api/http.js";
import type { RecordData, RecordPage } from "../api/types.js";

export interface LookupOption {
  value: string;
  label: string;
}

const recordsPath = (object: string) => `/api/v1/records/${encodeURIComponent(object)}`;

const optionOf = (record: Record<string, unknown> & { id: string }, recordName: string): LookupOption => {
  const name = record[recordName];
  return {
    value: record.id,
    label: typeof name === "string" || typeof name === "number" ? String(name) : record.id,
  };
};

/** Records of `object` whose text matches `query` (the first ones when empty), by display name. */
export const searchRecords = async (
  object: string,
  recordName: string,
  query: string,
  signal?: AbortSignal,
): Promise<LookupOption[]> => {
  const params = new URLSearchParams({ limit: "20", fields: recordName });
  if (query.trim() !== "") params.set("q", query.trim());
  const page = await get<RecordPage>(`${recordsPath(object)}?${params}`, signal);
  return page.records.map((record) => optionOf(record, recordName));
};

/** The display name of one record (a lookup pre-filled by id, e.g. from a related list's New). */
export const recordOption = async (
  object: string,
  recordName: string,
  id: string,
  signal?: AbortSignal,
): Promise<LookupOption> =>
  optionOf(await get<RecordData>(`${recordsPath(object)}/${encodeURIComponent(id)}`, signal), recordName);
