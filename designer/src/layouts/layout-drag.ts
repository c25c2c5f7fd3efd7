import { findSlot, insertAt, moveTo, placedId, type SectionColumns, type Slot } from "./layout-moves.js";

/**
 * Drag ids of the layout designer. One DndContext holds every draggable, so an id says what it is:
 * `field|<name>` a placed field, `new-field|<name>` a field in the palette, `column|<s>|<c>` a
 * column, `palette` the palette (dropping a placed field there removes it), `section|<key>` a
 * section, `related|<object>.<field>` a related list, `new-related|<object>.<field>` one in the
 * palette, `related-area` the related lists' area, `button|<name>` a button.
 */
export type DragKind = "field" | "section" | "related" | "button";

export const PALETTE_ID = "palette";
export const RELATED_AREA_ID = "related-area";

export const columnId = (section: number, column: number): string => `column|${section}|${column}`;
export const paletteFieldId = (field: string): string => `new-field|${field}`;
export const relatedId = (list: { object: string; field: string }): string =>
  `related|${list.object}.${list.field}`;
export const paletteRelatedId = (list: { object: string; field: string }): string =>
  `new-related|${list.object}.${list.field}`;
export const buttonId = (name: string): string => `button|${name}`;

/**
 * Sortable ids of the sections: their ids, a repeated one (an invalid document) suffixed by its
 * position so every section can still be dragged.
 */
export const sectionKeys = (sections: ReadonlyArray<{ id: string }>): string[] => {
  const seen = new Set<string>();
  return sections.map((section, s) => {
    const key = seen.has(section.id) ? `section|${section.id}|${s}` : `section|${section.id}`;
    seen.add(section.id);
    return key;
  });
};

const prefix = (id: string): string => id.slice(0, id.indexOf("|") < 0 ? id.length : id.indexOf("|"));

/** What is dragged: a field (placed or from the palette), a section, a related list or a button. */
export const dragKindOf = (id: string): DragKind | undefined => {
  switch (prefix(id)) {
    case "field":
    case "new-field":
      return "field";
    case "section":
      return "section";
    case "related":
    case "new-related":
      return "related";
    case "button":
      return "button";
    default:
      return undefined;
  }
};

/** The field a palette id names (`new-field|visitDate` -> `visitDate`). */
export const paletteField = (id: string): string | undefined =>
  id.startsWith("new-field|") ? id.slice("new-field|".length) : undefined;

/** The column a column id names. */
export const parseColumnId = (id: string): { section: number; column: number } | undefined => {
  const match = /^column\|(\d+)\|(\d+)$/.exec(id);
  return match === null ? undefined : { section: Number(match[1]), column: Number(match[2]) };
};

/**
 * Whether a drag of `active` may end on `droppable`: fields on columns, placed fields and (to
 * remove a placed field) the palette; sections on sections; related lists on related lists and
 * their area; buttons on buttons. Collision detection only sees the droppables a drag accepts.
 */
export const accepts = (active: string, droppable: string): boolean => {
  const kind = dragKindOf(active);
  const target = prefix(droppable);
  switch (kind) {
    case "field":
      return (
        target === "column" || target === "field" || (droppable === PALETTE_ID && prefix(active) === "field")
      );
    case "section":
      return target === "section";
    case "related":
      return target === "related" || droppable === RELATED_AREA_ID;
    case "button":
      return target === "button";
    default:
      return false;
  }
};

/** Where a field dropped on `over` goes: the end of a column, or the place of the field dropped on. */
export const dropSlot = (columns: readonly SectionColumns[], over: string): Slot | undefined => {
  const column = parseColumnId(over);
  if (column !== undefined) {
    const items = columns[column.section]?.[column.column];
    return items === undefined ? undefined : { ...column, index: items.length };
  }
  return over.startsWith("field|") ? findSlot(columns, over) : undefined;
};

/** The placed id a dragged field has in the columns (a palette field's once it is put in). */
export const placedIdOf = (active: string): string => {
  const field = paletteField(active);
  return field === undefined ? active : placedId(field);
};

/**
 * While a field is dragged over another column, it is put there (the multiple-containers
 * pattern), so that column opens a gap for it; moves of a placed field within its own column are
 * left to the sortable list's animation until the drop. A field from the palette is not one of the
 * list's sortables (nothing animates it), so its placeholder follows the target at once.
 */
export const dragOverField = (
  columns: readonly SectionColumns[],
  active: string,
  over: string,
): SectionColumns[] => {
  const to = dropSlot(columns, over);
  if (to === undefined) return [...columns];
  const id = placedIdOf(active);
  const from = findSlot(columns, id);
  if (from === undefined) {
    const field = paletteField(active);
    return field === undefined ? [...columns] : insertAt(columns, { id, item: { field } }, to);
  }
  const sameColumn = from.section === to.section && from.column === to.column;
  if (sameColumn && (paletteField(active) === undefined || over === id)) return [...columns];
  return moveTo(columns, id, to);
};

/**
 * The columns once a dragged field is dropped on `over`. A placed field within its column takes
 * the place of the field dropped on (a sortable list's move) or goes to the end (dropped on the
 * column); into another column it goes before the field dropped on, or to the end. A palette
 * field stays where its placeholder was dragged to, else goes before the field dropped on.
 */
export const dropField = (
  columns: readonly SectionColumns[],
  active: string,
  over: string,
): SectionColumns[] => {
  const to = dropSlot(columns, over);
  if (to === undefined) return [...columns];
  const id = placedIdOf(active);
  const from = findSlot(columns, id);
  if (from !== undefined && paletteField(active) !== undefined) return [...columns];
  if (from !== undefined && from.section === to.section && from.column === to.column) {
    return moveTo(columns, id, to);
  }
  return dragOverField(columns, active, over);
};

/** The related list a related id (placed or in the palette) names. */
export const parseRelatedId = (id: string): { object: string; field: string } | undefined => {
  const match = /^(?:new-)?related\|([^.]+)\.(.+)$/.exec(id);
  return match === null ? undefined : { object: match[1] ?? "", field: match[2] ?? "" };
};

/**
 * Where a related list dropped on `over` goes among `lists`: the place of the list dropped on, or
 * the end (dropped on the area). Undefined when `over` is neither.
 */
export const relatedDropIndex = (
  lists: ReadonlyArray<{ object: string; field: string }>,
  over: string,
): number | undefined => {
  if (over === RELATED_AREA_ID) return lists.length;
  const target = parseRelatedId(over);
  if (target === undefined || over.startsWith("new-")) return undefined;
  const index = lists.findIndex((list) => list.object === target.object && list.field === target.field);
  return index < 0 ? undefined : index;
};

/**
 * The drop targets a keyboard drag of `active` steps through, in reading order: for a field, each
 * column's fields then the column itself (its end), section by section; for the others, their list
 * (and, for related lists, the area's end).
 */
export const keyboardTargets = (
  active: string,
  layout: {
    columns: readonly SectionColumns[];
    sections: readonly string[];
    related: ReadonlyArray<{ object: string; field: string }>;
    buttons: readonly string[];
  },
): string[] => {
  switch (dragKindOf(active)) {
    case "field":
      return layout.columns.flatMap((section, s) =>
        section.flatMap((column, c) => [...column.map((placed) => placed.id), columnId(s, c)]),
      );
    case "section":
      return [...layout.sections];
    case "related":
      return [...layout.related.map(relatedId), RELATED_AREA_ID];
    case "button":
      return layout.buttons.map(buttonId);
    default:
      return [];
  }
};

/**
 * The keyboard target after pressing forward (Down/Right) or back (Up/Left) from `current`: the
 * next or previous one, staying at the ends; from outside the list, forward goes to the first.
 */
export const stepTarget = (
  targets: readonly string[],
  current: string | undefined,
  forward: boolean,
): string | undefined => {
  if (targets.length === 0) return undefined;
  const at = current === undefined ? -1 : targets.indexOf(current);
  if (at < 0) return forward ? targets[0] : targets[targets.length - 1];
  return targets[forward ? Math.min(at + 1, targets.length - 1) : Math.max(at - 1, 0)];
};
