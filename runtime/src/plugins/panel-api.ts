import { api } from "../api/http.js";

/** What a panel widget may call: the Tessera API, as the signed-in user. */
export interface PanelApi {
  get(path: string): Promise<unknown>;
  post(path: string, body?: unknown): Promise<unknown>;
}

/**
 * Whether `path` stays inside the API: panels call nothing else with the user's token. The path
 * and its query are sent as written, so nothing that a URL parser would resolve elsewhere (dot
 * segments, encoded slashes or dots, `//`, backslashes, a fragment, white space) is accepted.
 */
export const isApiPath = (path: unknown): path is string => {
  if (typeof path !== "string" || !path.startsWith("/api/v1/") || /[\\#\s]|\/\//.test(path)) return false;
  const pathname = path.split("?")[0] ?? "";
  return !/%2e|%2f|%5c/i.test(pathname) && !pathname.split("/").some((s) => s === "." || s === "..");
};

const checked = (path: unknown): string => {
  if (!isApiPath(path)) throw new Error(`Panels may only call /api/v1/...; refused ${String(path)}`);
  return path;
};

/**
 * The panel's API: JSON requests with the session's token to `/api/v1/...` only; a refused request
 * rejects with the ApiError of its problem+json answer.
 */
export const panelApi: PanelApi = {
  get: async (path) => api<unknown>("GET", checked(path)),
  post: async (path, body) => api<unknown>("POST", checked(path), body === undefined ? {} : { body }),
};
