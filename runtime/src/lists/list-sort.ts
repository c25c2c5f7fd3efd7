import type { FieldDefinition } from "@tessera/metadata";
import { valueKindOf } from "@tessera/metadata";

export interface SortKey {
  field: string;
  direction: "asc" | "desc";
}

/** `-amount,name` -> [{amount, desc}, {name, asc}] (the records API's `sort` form). */
export const parseSort = (text: string | undefined): SortKey[] =>
  (text ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "" && part !== "-")
    .map((part) =>
      part.startsWith("-") ? { field: part.slice(1), direction: "desc" } : { field: part, direction: "asc" },
    );

export const formatSort = (keys: readonly SortKey[]): string | undefined =>
  keys.length === 0 ? undefined : keys.map((k) => `${k.direction === "desc" ? "-" : ""}${k.field}`).join(",");

/**
 * A click on a column header: the list sorted by that column only, ascending, or the other way
 * round when it already leads the sort.
 */
export const toggleSort = (current: readonly SortKey[], field: string): SortKey[] => {
  const lead = current[0];
  if (lead?.field === field) return [{ field, direction: lead.direction === "asc" ? "desc" : "asc" }];
  return [{ field, direction: "asc" }];
};

/**
 * Columns a header click may sort by: values the store orders meaningfully. References would sort
 * by record id, which reads as random, and lists or objects have no order.
 */
export const isSortable = (field: FieldDefinition): boolean => {
  if (field.type === "lookup" || field.type === "masterDetail" || field.type === "user") return false;
  const kind = valueKindOf(field);
  return kind !== "array" && kind !== "object";
};
