import { useEffect, useState } from "react";
import { get } from "../api/http.js";
import type { RecordPage } from "../api/types.js";
import { isSystemUserField } from "../format/system-fields.js";
import { useBootstrap } from "../session/session-context.js";

const MAX_IDS = 200;

/**
 * Display names of users by id (owners, who changed what). Read through the record API, so only
 * names the user may see; an id stays unnamed otherwise.
 */
export const useUserNames = (ids: readonly string[]): ReadonlyMap<string, string> => {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const readable = useBootstrap().objects.some((o) => o.name === "user");
  const key = readable ? [...new Set(ids)].sort().slice(0, MAX_IDS).join(",") : "";
  useEffect(() => {
    if (key === "") return;
    const controller = new AbortController();
    const wanted = key.split(",");
    const params = new URLSearchParams({
      filter: JSON.stringify({ in: [{ var: "id" }, wanted] }),
      fields: "name",
      limit: String(wanted.length),
    });
    get<RecordPage>(`/api/v1/records/user?${params}`, controller.signal).then(
      (page) =>
        setNames(
          new Map(page.records.filter((u) => typeof u.name === "string").map((u) => [u.id, String(u.name)])),
        ),
      () => {},
    );
    return () => controller.abort();
  }, [key]);
  return names;
};

/** Names of the users held by the system user columns (owner, created by, ...) of `records`. */
export const useRecordUserNames = (
  records: ReadonlyArray<Record<string, unknown>>,
  fields: readonly string[],
): ReadonlyMap<string, string> => {
  const userFields = fields.filter(isSystemUserField);
  return useUserNames(
    records.flatMap((r) => userFields.map((f) => r[f])).filter((v): v is string => typeof v === "string"),
  );
};
