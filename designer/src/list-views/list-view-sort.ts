import { type FieldDefinition, type ListView, type ObjectDefinition, valueKindOf } from "@tessera/metadata";
import { moveItem } from "../dnd/move-item.js";

export type SortKey = NonNullable<ListView["sort"]>[number];
export type SortDirection = SortKey["direction"];

/** The metadata's limit on a list view's sort keys (and the records API's). */
export const MAX_SORT_KEYS = 5;

/** System fields worth sorting a list by; the others order by ids, which reads as random. */
export const SORTABLE_SYSTEM_FIELDS = ["createdAt", "updatedAt"] as const;

/**
 * Whether the store orders a field's values meaningfully (the runtime's rule for header sorting):
 * references would sort by record id, lists and objects have no order.
 */
export const isSortableField = (field: FieldDefinition): boolean => {
  if (field.type === "lookup" || field.type === "masterDetail" || field.type === "user") return false;
  const kind = valueKindOf(field);
  return kind !== "array" && kind !== "object";
};

/** Fields a list view may be sorted by: sortable declared fields in order, then the system dates. */
export const sortableFieldNames = (object: ObjectDefinition): string[] => [
  ...object.fields.filter(isSortableField).map((field) => field.name),
  ...SORTABLE_SYSTEM_FIELDS,
];

/** `field` ascending as the least significant key; a field already sorted by, or a sixth key, is refused. */
export const addSortKey = (keys: readonly SortKey[], field: string): SortKey[] =>
  keys.some((key) => key.field === field) || keys.length >= MAX_SORT_KEYS
    ? [...keys]
    : [...keys, { field, direction: "asc" }];

export const removeSortKey = (keys: readonly SortKey[], index: number): SortKey[] =>
  keys.filter((_, i) => i !== index);

export const moveSortKey = (keys: readonly SortKey[], from: number, to: number): SortKey[] =>
  moveItem(keys, from, to);

export const setSortDirection = (
  keys: readonly SortKey[],
  index: number,
  direction: SortDirection,
): SortKey[] => keys.map((key, i) => (i === index ? { field: key.field, direction } : key));

/** Drag ids of the sort keys; a field sorted twice (refused by the engine) still gets unique ids. */
export const sortKeyIds = (keys: readonly SortKey[]): string[] => {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const count = (seen.get(key.field) ?? 0) + 1;
    seen.set(key.field, count);
    return count === 1 ? `sort:${key.field}` : `sort:${key.field}#${count}`;
  });
};

/** The records API's `sort` parameter: `-amount,name`. */
export const sortParameter = (keys: readonly SortKey[]): string | undefined =>
  keys.length === 0
    ? undefined
    : keys.map((key) => `${key.direction === "desc" ? "-" : ""}${key.field}`).join(",");
