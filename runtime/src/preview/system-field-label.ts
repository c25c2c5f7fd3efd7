import type { SystemField } from "@tessera/metadata";
import { useRecordText } from "../record/record-text.js";

/** The runtime's label of a system field ("Owner", "Created"), so the designer names them alike. */
export const useSystemFieldLabel = (): ((field: Exclude<SystemField, "tenant">) => string) => {
  const t = useRecordText();
  return (field) => t(`system.${field}`);
};
