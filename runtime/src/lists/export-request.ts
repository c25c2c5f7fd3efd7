import type { ListQuery } from "./list-query.js";
import type { ResolvedList } from "./resolve-list.js";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The export of a list as it is shown: its view (the server applies the view's own filter and
 * scope), the filter bar's filter (left out when it cannot be used, as the list leaves it out),
 * the sort, the search and the columns.
 */
export const exportPath = (
  object: string,
  list: ResolvedList,
  query: ListQuery,
  format: ExportFormat,
): string => {
  const params = new URLSearchParams({ format });
  if (list.view !== undefined) params.set("view", list.view.name);
  const usable = list.conditions.ok || list.conditions.reason === "custom";
  if (query.filter !== undefined && usable) params.set("filter", query.filter);
  if (list.sort !== undefined) params.set("sort", list.sort);
  if (query.q !== undefined && query.q.trim() !== "") params.set("q", query.q.trim());
  if (list.fields.length > 0) params.set("fields", list.fields.join(","));
  return `/api/v1/records/${encodeURIComponent(object)}/export?${params}`;
};
