import type { Layout, LayoutItem, LayoutSection, LocalizedText } from "@tessera/metadata";
import { insertItem, moveItem } from "../dnd/move-item.js";

/** Where a placed field sits: section index, 0-based column, position from the top of that column. */
export interface Slot {
  section: number;
  column: number;
  index: number;
}

/** A placed field as the designer holds it: the document's item and a drag id unique in the layout. */
export interface PlacedItem {
  id: string;
  item: LayoutItem;
}

/** One section's placed fields, column by column, top to bottom. */
export type SectionColumns = PlacedItem[][];

/** The kind allows one to three columns per section (`column` is 0 to 2). */
export const COLUMN_COUNTS = [1, 2, 3] as const;
export type ColumnCount = (typeof COLUMN_COUNTS)[number];

type ConditionKey = "visibleWhen" | "requiredWhen" | "readOnlyWhen";

/**
 * The column the runtime shows an item in: its own, else `index % columns`, never past the last
 * (compileLayoutForm and readSections place items the same way).
 */
export const effectiveColumn = (item: LayoutItem, index: number, columns: number): number =>
  Math.min(item.column ?? index % columns, columns - 1);

/** The drag id of the `occurrence`-th placement of `field` (a valid layout places a field once). */
export const placedId = (field: string, occurrence = 0): string =>
  occurrence === 0 ? `field|${field}` : `field|${field}|${occurrence}`;

/**
 * The layout's sections as the designer's columns, each item in the column the runtime shows it in.
 * A panel section has none: nothing can be dropped in it (items it holds, which the engine
 * refuses, are left where they are).
 */
export const layoutColumns = (layout: Layout): SectionColumns[] => {
  const seen = new Map<string, number>();
  return layout.sections.map((section) => {
    if (section.type === "panel") {
      // Counted all the same, so drag ids stay those placedPointer gives.
      for (const item of section.items) seen.set(item.field, (seen.get(item.field) ?? 0) + 1);
      return [];
    }
    const columns: SectionColumns = Array.from({ length: section.columns }, () => []);
    section.items.forEach((item, index) => {
      const occurrence = seen.get(item.field) ?? 0;
      seen.set(item.field, occurrence + 1);
      columns[effectiveColumn(item, index, section.columns)]?.push({
        id: placedId(item.field, occurrence),
        item,
      });
    });
    return columns;
  });
};

const withColumn = (item: LayoutItem, column: number | undefined): LayoutItem => {
  const { column: _old, ...rest } = item;
  return column === undefined ? rest : { ...rest, column };
};

/**
 * A section's items written back column by column, each with its column (none in a one-column
 * section, where it is always the first): the document then says exactly what the designer shows,
 * whatever the runtime's `index % columns` rule would have made of the order.
 */
export const itemsOfColumns = (columns: SectionColumns): LayoutItem[] =>
  columns.flatMap((column, c) =>
    column.map(({ item }) => withColumn(item, columns.length === 1 ? undefined : c)),
  );

const arrangement = (columns: SectionColumns | undefined): string =>
  JSON.stringify(columns?.map((column) => column.map((placed) => placed.id)) ?? null);

/**
 * `layout` with its sections' items replaced by `columns`; a section whose arrangement did not
 * change is kept as written, so an edit touches only the sections it moved fields in or out of.
 */
export const withColumns = (layout: Layout, columns: readonly SectionColumns[]): Layout => {
  const before = layoutColumns(layout);
  return {
    ...layout,
    sections: layout.sections.map((section, s) => {
      const next = columns[s];
      if (next === undefined || arrangement(before[s]) === arrangement(next)) return section;
      return { ...section, items: itemsOfColumns(next) };
    }),
  };
};

/** The slot of the item with drag id `id`; undefined when it is not placed. */
export const findSlot = (columns: readonly SectionColumns[], id: string): Slot | undefined => {
  for (const [section, sectionColumns] of columns.entries()) {
    for (const [column, items] of sectionColumns.entries()) {
      const index = items.findIndex((placed) => placed.id === id);
      if (index >= 0) return { section, column, index };
    }
  }
  return undefined;
};

const replaceColumn = (
  columns: readonly SectionColumns[],
  section: number,
  column: number,
  next: PlacedItem[],
): SectionColumns[] =>
  columns.map((sectionColumns, s) =>
    s === section ? sectionColumns.map((items, c) => (c === column ? next : items)) : sectionColumns,
  );

const validTarget = (columns: readonly SectionColumns[], to: Slot): boolean =>
  columns[to.section]?.[to.column] !== undefined;

/** `placed` inserted at `to` (index clamped to the column); unchanged when `to` names no column. */
export const insertAt = (
  columns: readonly SectionColumns[],
  placed: PlacedItem,
  to: Slot,
): SectionColumns[] => {
  const target = columns[to.section]?.[to.column];
  if (target === undefined) return [...columns];
  return replaceColumn(columns, to.section, to.column, insertItem(target, to.index, placed));
};

/** Without the item `id` (unchanged when it is not placed). */
export const removeFrom = (columns: readonly SectionColumns[], id: string): SectionColumns[] => {
  const at = findSlot(columns, id);
  if (at === undefined) return [...columns];
  const items = columns[at.section]?.[at.column] ?? [];
  return replaceColumn(
    columns,
    at.section,
    at.column,
    items.filter((placed) => placed.id !== id),
  );
};

/**
 * The item `id` taken out and put back at `to.index` of `to`'s column (clamped): within one column
 * this is a sortable list's move (to the index of the item dropped on), across columns an insert
 * before the item dropped on.
 */
export const moveTo = (columns: readonly SectionColumns[], id: string, to: Slot): SectionColumns[] => {
  const from = findSlot(columns, id);
  if (from === undefined || !validTarget(columns, to)) return [...columns];
  if (from.section === to.section && from.column === to.column) {
    const items = columns[from.section]?.[from.column] ?? [];
    const index = Math.max(0, Math.min(to.index, items.length - 1));
    return replaceColumn(columns, from.section, from.column, moveItem(items, from.index, index));
  }
  const placed = columns[from.section]?.[from.column]?.[from.index];
  if (placed === undefined) return [...columns];
  return insertAt(removeFrom(columns, id), placed, to);
};

/** The first placement of `field`: its slot and document index (`sections[s].items[i]`). */
export const placementOf = (
  layout: Layout,
  field: string,
): { section: number; item: number; placed: LayoutItem } | undefined => {
  for (const [section, { items }] of layout.sections.entries()) {
    const item = items.findIndex((candidate) => candidate.field === field);
    const placed = items[item];
    if (placed !== undefined) return { section, item, placed };
  }
  return undefined;
};

/** The JSON pointer of `field`'s item, for the engine's problems with it. */
export const itemPointer = (layout: Layout, field: string): string | undefined => {
  const at = placementOf(layout, field);
  return at === undefined ? undefined : `/sections/${at.section}/items/${at.item}`;
};

/** The JSON pointer of the placement with drag id `id` (a repeated field's too). */
export const placedPointer = (layout: Layout, id: string): string | undefined => {
  const seen = new Map<string, number>();
  for (const [s, { items }] of layout.sections.entries()) {
    for (const [i, { field }] of items.entries()) {
      const occurrence = seen.get(field) ?? 0;
      seen.set(field, occurrence + 1);
      if (placedId(field, occurrence) === id) return `/sections/${s}/items/${i}`;
    }
  }
  return undefined;
};

/** Every field the layout places. */
export const placedFieldNames = (layout: Layout): Set<string> =>
  new Set(layout.sections.flatMap((section) => section.items.map((item) => item.field)));

/** `field` placed at `to`; a field already placed is moved there instead (a layout places it once). */
export const placeField = (layout: Layout, field: string, to: Slot): Layout => {
  const columns = layoutColumns(layout);
  const id = placedId(field);
  const next =
    findSlot(columns, id) === undefined
      ? insertAt(columns, { id, item: { field } }, to)
      : moveTo(columns, id, to);
  return withColumns(layout, next);
};

/** The placed `field` (with its conditions) moved to `to`. */
export const moveField = (layout: Layout, field: string, to: Slot): Layout =>
  withColumns(layout, moveTo(layoutColumns(layout), placedId(field), to));

/**
 * The layout without `field` (every placement of it). The other fields of its section keep their
 * columns: the section is written with explicit columns, as `index % columns` would shift them.
 */
export const removeField = (layout: Layout, field: string): Layout =>
  withColumns(
    layout,
    layoutColumns(layout).map((section) =>
      section.map((column) => column.filter((placed) => placed.item.field !== field)),
    ),
  );

/** Sets or clears (`undefined`) the conditions of `field`'s placement. */
export const updateConditions = (
  layout: Layout,
  field: string,
  patch: Partial<Record<ConditionKey, unknown>>,
): Layout => {
  const at = placementOf(layout, field);
  if (at === undefined) return layout;
  const next: Record<string, unknown> = { ...at.placed };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return {
    ...layout,
    sections: layout.sections.map((section, s) =>
      s === at.section
        ? { ...section, items: section.items.map((item, i) => (i === at.item ? (next as LayoutItem) : item)) }
        : section,
    ),
  };
};

/** The sections with the one at `from` moved to `to`. */
export const moveSection = (layout: Layout, from: number, to: number): Layout => ({
  ...layout,
  sections: moveItem(layout.sections, from, to),
});

/** A section id not used in the layout yet: `section1`, `section2`, ... */
export const newSectionId = (layout: Layout): string => {
  const used = new Set(layout.sections.map((section) => section.id));
  let n = layout.sections.length + 1;
  while (used.has(`section${n}`)) n += 1;
  return `section${n}`;
};

/** The layout with an empty two-column section added at the end. */
export const addSection = (layout: Layout, label: LocalizedText): Layout => ({
  ...layout,
  sections: [...layout.sections, { id: newSectionId(layout), label, columns: 2, items: [] }],
});

/**
 * The layout with a panel section showing `widget` (`<package>.<widget>`) added at the end: one
 * column and no items, as the kind wants of a panel.
 */
export const addPanelSection = (layout: Layout, label: LocalizedText, widget: string): Layout => ({
  ...layout,
  sections: [
    ...layout.sections,
    { id: newSectionId(layout), type: "panel", label, columns: 1, items: [], widget },
  ],
});

/** Panel section `index` without the fields it holds (they go back to the unplaced ones). */
export const clearPanelItems = (layout: Layout, index: number): Layout => ({
  ...layout,
  sections: layout.sections.map((section, s) =>
    s === index && section.type === "panel" ? { ...section, items: [] } : section,
  ),
});

/** The layout without section `index`; its fields go back to the unplaced ones. A layout keeps one section. */
export const removeSection = (layout: Layout, index: number): Layout =>
  layout.sections.length <= 1 || layout.sections[index] === undefined
    ? layout
    : { ...layout, sections: layout.sections.filter((_, s) => s !== index) };

/** Changes a section's label, collapsed flag (`collapsed: false` drops the flag) or panel widget. */
export const updateSection = (
  layout: Layout,
  index: number,
  patch: { label?: LocalizedText; collapsed?: boolean; widget?: string },
): Layout => ({
  ...layout,
  sections: layout.sections.map((section, s) => {
    if (s !== index) return section;
    const next: LayoutSection = {
      ...section,
      ...(patch.label !== undefined && { label: patch.label }),
      ...(patch.widget !== undefined && { widget: patch.widget }),
    };
    if (patch.collapsed === true) next.collapsed = true;
    else if (patch.collapsed === false) delete next.collapsed;
    return next;
  }),
});

/**
 * Section `index` with `count` columns: fields keep their column; those of a column that goes
 * away join the new last column, below its own fields, in their order. A panel takes the whole
 * width whatever its columns: it is left as it is.
 */
export const setSectionColumns = (layout: Layout, index: number, count: ColumnCount): Layout => {
  const section = layout.sections[index];
  if (section === undefined || section.columns === count || section.type === "panel") return layout;
  const current = layoutColumns({ ...layout, sections: [section] })[0] ?? [];
  const next: SectionColumns = Array.from({ length: count }, (_, c) => [...(current[c] ?? [])]);
  next[count - 1]?.push(...current.slice(count).flat());
  return {
    ...layout,
    sections: layout.sections.map((s, i) =>
      i === index ? { ...s, columns: count, items: itemsOfColumns(next) } : s,
    ),
  };
};
