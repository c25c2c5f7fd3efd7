import type { FieldDefinition, ObjectDefinition } from "@tessera/metadata";
import { insertItem, moveItem } from "../dnd/move-item.js";

/** The metadata's limit on a list view's columns. */
export const MAX_COLUMNS = 50;

/** Drop target ids: the field palette and the column list as a whole (dropping after the last). */
export const PALETTE_ID = "palette";
export const COLUMNS_ID = "columns";

const PALETTE_PREFIX = "palette:";
const COLUMN_PREFIX = "column:";

export const paletteItemId = (field: string): string => `${PALETTE_PREFIX}${field}`;

/**
 * Drag ids of the columns, one per position. A column shown twice (only possible through the raw
 * JSON, and refused by the engine) gets `#2`, `#3`... so every id stays unique.
 */
export const columnIds = (columns: readonly string[]): string[] => {
  const seen = new Map<string, number>();
  return columns.map((column) => {
    const count = (seen.get(column) ?? 0) + 1;
    seen.set(column, count);
    return count === 1 ? `${COLUMN_PREFIX}${column}` : `${COLUMN_PREFIX}${column}#${count}`;
  });
};

/** The declared fields not shown yet, in the object's field order (the runtime shows no others). */
export const availableFields = (object: ObjectDefinition, columns: readonly string[]): FieldDefinition[] =>
  object.fields.filter((field) => !columns.includes(field.name));

/** `field` shown at `index`; a field already shown, or a list at its limit, is left as it was. */
export const insertColumn = (columns: readonly string[], index: number, field: string): string[] =>
  columns.includes(field) || columns.length >= MAX_COLUMNS ? [...columns] : insertItem(columns, index, field);

export const addColumn = (columns: readonly string[], field: string): string[] =>
  insertColumn(columns, columns.length, field);

/** Without the column at `index`; the last column stays, since a list view shows at least one. */
export const removeColumn = (columns: readonly string[], index: number): string[] =>
  columns.length <= 1 || index < 0 || index >= columns.length
    ? [...columns]
    : columns.filter((_, i) => i !== index);

export const moveColumn = (columns: readonly string[], from: number, to: number): string[] =>
  moveItem(columns, from, to);

/**
 * The columns after a drop. A palette field dropped on a column goes before it, on the list after
 * the last; a column dropped on another takes its place, on the list goes last, on the palette is
 * removed. Anything else (no target, unknown ids) changes nothing.
 */
export const columnsAfterDrop = (
  columns: readonly string[],
  active: string,
  over: string | undefined,
): string[] => {
  if (over === undefined) return [...columns];
  const ids = columnIds(columns);
  const target = ids.indexOf(over);
  const from = ids.indexOf(active);
  if (from >= 0) {
    if (over === PALETTE_ID || over.startsWith(PALETTE_PREFIX)) return removeColumn(columns, from);
    if (over === COLUMNS_ID) return moveColumn(columns, from, columns.length - 1);
    return target >= 0 ? moveColumn(columns, from, target) : [...columns];
  }
  if (!active.startsWith(PALETTE_PREFIX)) return [...columns];
  const field = active.slice(PALETTE_PREFIX.length);
  if (over === COLUMNS_ID) return addColumn(columns, field);
  return target >= 0 ? insertColumn(columns, target, field) : [...columns];
};
