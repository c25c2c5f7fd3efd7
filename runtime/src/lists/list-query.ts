/** Page sizes the list offers; a list view's own page size is offered too. */
const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 200;

/**
 * What a list shows, kept in the URL query so Back returns to it and a link shares it:
 * `view` (list view name; none is "all records"), `sort` (the API's `-a,b` form; none is the
 * view's sort), `filter` (the filter bar's JsonLogic, without the view's own filter), `q`, `size`.
 */
export interface ListQuery {
  view?: string;
  sort?: string;
  filter?: string;
  q?: string;
  size?: number;
}

const text = (params: URLSearchParams, key: string): string | undefined => {
  const value = params.get(key);
  return value === null || value.trim() === "" ? undefined : value;
};

const TEXT_KEYS = ["view", "sort", "filter", "q"] as const;

export const readListQuery = (params: URLSearchParams): ListQuery => {
  const query: ListQuery = {};
  for (const key of TEXT_KEYS) {
    const value = text(params, key);
    if (value !== undefined) query[key] = value;
  }
  const size = Number(params.get("size"));
  if (Number.isInteger(size) && size >= 1 && size <= MAX_PAGE_SIZE) query.size = size;
  return query;
};

/** The URL query of a list; empty parts are left out so links stay short. */
export const writeListQuery = (query: ListQuery): URLSearchParams => {
  const params = new URLSearchParams();
  if (query.view !== undefined) params.set("view", query.view);
  if (query.sort !== undefined) params.set("sort", query.sort);
  if (query.filter !== undefined) params.set("filter", query.filter);
  if (query.q !== undefined && query.q.trim() !== "") params.set("q", query.q.trim());
  if (query.size !== undefined) params.set("size", String(query.size));
  return params;
};

/** The page sizes to offer: the standard ones plus the current one, in order. */
export const pageSizeChoices = (current: number): number[] =>
  [...new Set<number>([...PAGE_SIZES, current])].sort((a, b) => a - b);
