import { type FieldType, isFieldType } from "@tessera/metadata";

/**
 * Ids of the drag sources and targets of the fields tab. Rows are identified by position, not by
 * API name: a name changes while the admin types the label, and a changed id would re-render every
 * sortable row on each keystroke.
 */
const PALETTE_PREFIX = "palette:";
const ROW_PREFIX = "field:";
/** The drop zone after the last field. */
export const FIELD_LIST_END = "field-list-end";

export const paletteItemId = (type: FieldType): string => `${PALETTE_PREFIX}${type}`;
export const fieldRowId = (index: number): string => `${ROW_PREFIX}${index}`;

export const paletteTypeOf = (id: string): FieldType | undefined => {
  if (!id.startsWith(PALETTE_PREFIX)) return undefined;
  const type = id.slice(PALETTE_PREFIX.length);
  return isFieldType(type) ? type : undefined;
};

export const rowIndexOf = (id: string): number | undefined => {
  if (!id.startsWith(ROW_PREFIX)) return undefined;
  const index = Number(id.slice(ROW_PREFIX.length));
  return Number.isInteger(index) && index >= 0 ? index : undefined;
};

/** What a drop in the fields tab does. */
export type FieldDrop =
  | { kind: "insert"; type: FieldType; index: number }
  | { kind: "move"; from: number; to: number };

/**
 * The edit a drag ending over `overId` makes in a list of `count` fields. A palette item dropped
 * on a row goes before it (the rows below make room for it while dragging), on the end zone after
 * the last field; a row dropped on another row takes its place. Anything else (no target, a row
 * on itself, an id from elsewhere) changes nothing.
 */
export const resolveFieldDrop = (
  activeId: string,
  overId: string | undefined,
  count: number,
): FieldDrop | undefined => {
  if (overId === undefined) return undefined;
  const overRow = rowIndexOf(overId);
  const target =
    overId === FIELD_LIST_END ? count : overRow !== undefined && overRow < count ? overRow : undefined;
  if (target === undefined) return undefined;
  const type = paletteTypeOf(activeId);
  if (type !== undefined) {
    return { kind: "insert", type, index: target };
  }
  const from = rowIndexOf(activeId);
  if (from === undefined || from >= count) return undefined;
  const to = Math.min(target, count - 1);
  return from === to ? undefined : { kind: "move", from, to };
};

/** Where the selection goes when the field at `from` moves to `to`: it stays on the same field. */
export const selectionAfterMove = (selected: number | undefined, from: number, to: number) => {
  if (selected === undefined) return undefined;
  if (selected === from) return to;
  if (from < selected && to >= selected) return selected - 1;
  if (from > selected && to <= selected) return selected + 1;
  return selected;
};

/** Where the selection goes when the field at `removed` is deleted. */
export const selectionAfterRemove = (selected: number | undefined, removed: number) => {
  if (selected === undefined || selected === removed) return undefined;
  return selected > removed ? selected - 1 : selected;
};
