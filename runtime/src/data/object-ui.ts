import { get } from "../api/http.js";
import type { ObjectUi } from "../api/types.js";
import { useBootstrap } from "../session/session-context.js";
import { type AsyncState, useAsync } from "./use-async.js";

const cache = new Map<string, ObjectUi>();

/** The object's UI metadata for the user, cached per published version. */
export const loadObjectUi = async (
  name: string,
  version: number,
  signal?: AbortSignal,
): Promise<ObjectUi> => {
  const key = `${version}:${name}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const ui = await get<ObjectUi>(`/api/v1/ui/objects/${encodeURIComponent(name)}`, signal);
  cache.set(key, ui);
  return ui;
};

export const useObjectUi = (name: string): AsyncState<ObjectUi> => {
  const { version } = useBootstrap();
  return useAsync((signal) => loadObjectUi(name, version, signal), [name, version]);
};
