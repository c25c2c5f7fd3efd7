import { get } from "../api/http.js";
import type { ObjectUi, RecordData } from "../api/types.js";
import { useAsync } from "../data/use-async.js";

/**
 * The record's title from the object's record-title template when it has one (rendered by the
 * server with the user's access), else undefined: the page falls back to the name field.
 */
export const useRecordTitle = (object: string, record: RecordData, ui: ObjectUi): string | undefined => {
  const template = ui.templates?.find((t) => t.purpose === "recordTitle");
  const { data } = useAsync(
    async (signal) =>
      template === undefined
        ? undefined
        : (
            await get<{ text: string }>(
              `/api/v1/records/${encodeURIComponent(object)}/${encodeURIComponent(record.id)}/render/${encodeURIComponent(template.name)}`,
              signal,
            )
          ).text.trim(),
    [object, record.id, record.version, template?.name],
  );
  return data === "" ? undefined : data;
};
