import type { RecordData } from "../api/types.js";

/** What a record is called: its name field's value as text, else its id. */
export const recordTitle = (record: RecordData, recordName: string): string => {
  const value = record[recordName];
  if (typeof value === "string" && value.trim() !== "") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "object" && value !== null && "name" in value && typeof value.name === "string")
    return value.name;
  return record.id;
};
