import { ApiError, api } from "../api/http.js";
import type { RecordData } from "../api/types.js";

export interface DeleteFailure {
  record: RecordData;
  /** HTTP status of the refusal (0 when the request did not get an answer). */
  status: number;
  /** The API's problem code, which tells a stale version from a record others still use. */
  code?: string;
}

/**
 * Deletes records one request each, based on the version the list showed (a record changed since
 * is refused with 409 rather than deleted unseen), and reports which were refused.
 */
export const deleteRecords = async (
  object: string,
  records: readonly RecordData[],
): Promise<DeleteFailure[]> => {
  const results = await Promise.allSettled(
    records.map((record) =>
      api("DELETE", `/api/v1/records/${encodeURIComponent(object)}/${encodeURIComponent(record.id)}`, {
        headers: { "if-match": String(record.version) },
      }),
    ),
  );
  return results.flatMap((result, i) => {
    const record = records[i];
    if (result.status === "fulfilled" || record === undefined) return [];
    const error: unknown = result.reason;
    if (!(error instanceof ApiError)) return [{ record, status: 0 }];
    return [{ record, status: error.status, ...(error.code !== undefined && { code: error.code }) }];
  });
};
