import { api } from "../api/http.js";

/** A record the plugin's answer asks the page to open (a converted lead's new account, ...). */
export interface NavigateTarget {
  object: string;
  id: string;
}

/** `/api/v1/plugins/<package><path>` with every `{id}` replaced by the record's id. */
const pluginActionUrl = (pkg: string, path: string, id: string): string =>
  `/api/v1/plugins/${encodeURIComponent(pkg)}${path.replaceAll("{id}", encodeURIComponent(id))}`;

const targetOf = (body: unknown): NavigateTarget | undefined => {
  if (typeof body !== "object" || body === null) return undefined;
  const navigate = (body as { navigate?: unknown }).navigate;
  if (typeof navigate !== "object" || navigate === null) return undefined;
  const { object, id } = navigate as { object?: unknown; id?: unknown };
  return typeof object === "string" && object !== "" && typeof id === "string" && id !== ""
    ? { object, id }
    : undefined;
};

/**
 * Runs a plugin button: a POST to its route for the record. Resolves to the record to open when
 * the answer says `{navigate: {object, id}}`, else undefined; a refusal rejects with its ApiError.
 */
export const runPluginAction = async (
  pkg: string,
  path: string,
  id: string,
): Promise<NavigateTarget | undefined> =>
  targetOf(await api<unknown>("POST", pluginActionUrl(pkg, path, id)));
