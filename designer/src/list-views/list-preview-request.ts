import type { FieldDefinition, ListView, ObjectDefinition } from "@tessera/metadata";
import { sortParameter } from "./list-view-sort.js";

/** Rows in the designer's preview: enough to judge the list, few enough to read at once. */
export const PREVIEW_ROWS = 5;

/**
 * The records API request of the preview: the view's filter, sort and scope as the runtime sends
 * them. No `fields`: the draft may name fields that are not published yet, and the published
 * records are what the preview shows.
 */
export const previewPath = (view: ListView): string => {
  const params = new URLSearchParams();
  if (view.filter !== undefined) params.set("filter", JSON.stringify(view.filter));
  const sort = sortParameter(view.sort ?? []);
  if (sort !== undefined) params.set("sort", sort);
  params.set("limit", String(PREVIEW_ROWS));
  if (view.scope !== undefined && view.scope !== "all") params.set("scope", view.scope);
  return `/api/v1/records/${encodeURIComponent(view.object)}?${params}`;
};

/**
 * The columns the runtime's table shows for this view: its declared fields in order (names it
 * does not know are dropped), with the record name first when the view leaves it out.
 */
export const previewColumns = (object: ObjectDefinition, columns: readonly string[]): FieldDefinition[] => {
  const shown = columns.flatMap((column) => object.fields.filter((field) => field.name === column));
  const name = object.fields.find((field) => field.name === object.recordName);
  return name === undefined || shown.includes(name) ? shown : [name, ...shown];
};
