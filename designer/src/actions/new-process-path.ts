import type { LocalizedText } from "@tessera/metadata";
import type { NewProcess } from "./new-process-modal.js";

/**
 * The designer page of a process not in the draft yet: its name in the path, what the admin chose
 * in the query (`?object=&label=&labelZh=`), so a reload starts the same new document.
 */
export const designerPathOfNew = (base: string, created: NewProcess): string => {
  const query = new URLSearchParams({ object: created.object, label: created.label.en });
  const zh = created.label["zh-CN"];
  if (zh !== undefined) query.set("labelZh", zh);
  return `${base}/${created.name}?${query}`;
};

/** What the query of a new process's page asks for; the label falls back to the API name. */
export const newProcessOfQuery = (
  name: string,
  query: URLSearchParams,
): { name: string; label: LocalizedText; object: string | undefined } => {
  const en = query.get("label") || name;
  const zh = query.get("labelZh");
  return {
    name,
    label: zh === null || zh === "" ? { en } : { en, "zh-CN": zh },
    object: query.get("object") ?? undefined,
  };
};
