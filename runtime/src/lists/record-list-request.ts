import type { JsonValue } from "@tessera/metadata";
import { get } from "../api/http.js";
import type { RecordPage } from "../api/types.js";

/** One page of a list, as the records API takes it. */
export interface RecordListRequest {
  object: string;
  filter?: JsonValue;
  sort?: string;
  limit: number;
  cursor?: string;
  q?: string;
  /** Only these fields (the columns); the API always adds the system fields. */
  fields?: readonly string[];
  count?: boolean;
  /** Owner scope of a list view: mine, or my team (me and everyone below my role). */
  scope?: "all" | "mine" | "team";
}

const recordListPath = (request: RecordListRequest): string => {
  const params = new URLSearchParams();
  if (request.filter !== undefined) params.set("filter", JSON.stringify(request.filter));
  if (request.sort !== undefined) params.set("sort", request.sort);
  params.set("limit", String(request.limit));
  if (request.cursor !== undefined) params.set("cursor", request.cursor);
  if (request.q !== undefined && request.q.trim() !== "") params.set("q", request.q.trim());
  if (request.fields !== undefined && request.fields.length > 0)
    params.set("fields", request.fields.join(","));
  if (request.count === true) params.set("count", "true");
  if (request.scope !== undefined && request.scope !== "all") params.set("scope", request.scope);
  return `/api/v1/records/${encodeURIComponent(request.object)}?${params}`;
};

export const loadRecordPage = (request: RecordListRequest, signal?: AbortSignal): Promise<RecordPage> =>
  get<RecordPage>(recordListPath(request), signal);
