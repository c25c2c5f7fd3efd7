import type { JsonValue, ListView, ListViewScope } from "@tessera/metadata";
import type { SortKey } from "./list-view-sort.js";

type OptionalKey = "filter" | "sort" | "scope" | "pageSize";

/** The view without an optional key: defaults are left out so the document says only what differs. */
const without = (view: ListView, key: OptionalKey): ListView => {
  const next = { ...view };
  delete next[key];
  return next;
};

export const withColumns = (view: ListView, columns: readonly string[]): ListView => ({
  ...view,
  columns: [...columns],
});

/** No keys means the records' default order (the metadata refuses an empty sort). */
export const withSort = (view: ListView, keys: readonly SortKey[]): ListView =>
  keys.length === 0 ? without(view, "sort") : { ...view, sort: [...keys] };

export const withFilter = (view: ListView, filter: JsonValue | undefined): ListView =>
  filter === undefined ? without(view, "filter") : { ...view, filter };

/** `all` is the default scope. */
export const withScope = (view: ListView, scope: ListViewScope): ListView =>
  scope === "all" ? without(view, "scope") : { ...view, scope };

/** An empty box means the runtime's default page size. */
export const withPageSize = (view: ListView, size: number | null | undefined): ListView =>
  size === null || size === undefined ? without(view, "pageSize") : { ...view, pageSize: size };
