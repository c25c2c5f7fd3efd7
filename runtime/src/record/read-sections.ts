import type {
  FieldDefinition,
  Layout,
  LocalizedText,
  ObjectDefinition,
  SystemField,
} from "@tessera/metadata";
import { systemFieldDefinition } from "../format/system-fields.js";

/** A field placed in a read-mode section. */
export interface PlacedField {
  field: FieldDefinition;
  /** A system field (owner, created at, ...): labelled by the runtime, not by metadata. */
  system: SystemField | undefined;
  visibleWhen?: unknown;
}

export interface ReadSection {
  id: string;
  /** Undefined for the runtime's default section (labelled "Details"). */
  label: LocalizedText | undefined;
  columns: number;
  collapsed: boolean;
  /** Fields per column, top to bottom. */
  fieldColumns: PlacedField[][];
  /** A panel section's package widget (`<package>.<widget>`); it has no fields. */
  widget?: string;
}

const systemField = (name: string): PlacedField | undefined => {
  const field = systemFieldDefinition(name);
  return field === undefined ? undefined : { field, system: name as SystemField };
};

/** A field of `object` by name: a declared (readable) field or a system field; undefined otherwise. */
export const placeField = (object: ObjectDefinition, name: string): PlacedField | undefined => {
  const field = object.fields.find((f) => f.name === name);
  return field === undefined ? systemField(name) : { field, system: undefined };
};

/** The layout the record page uses: the one marked default, else the first; none when there is none. */
export const pageLayout = (layouts: readonly Layout[]): Layout | undefined =>
  layouts.find((l) => l.default === true) ?? layouts[0];

/**
 * The sections of the record page. With a layout: its sections and columns (an item without a
 * column takes `index % columns`, as in the edit form), fields the user may not read left out,
 * and its panel sections with their widget.
 * Without one: one two-column section with every readable field in definition order.
 */
export const readSections = (layout: Layout | undefined, object: ObjectDefinition): ReadSection[] => {
  if (layout === undefined) {
    const fieldColumns: PlacedField[][] = [[], []];
    object.fields.forEach((field, index) => {
      fieldColumns[index % 2]?.push({ field, system: undefined });
    });
    return [{ id: "details", label: undefined, columns: 2, collapsed: false, fieldColumns }];
  }
  return layout.sections.map((section) => {
    if (section.type === "panel") {
      return {
        id: section.id,
        label: section.label,
        columns: 1,
        collapsed: section.collapsed === true,
        fieldColumns: [],
        widget: section.widget ?? "",
      };
    }
    const fieldColumns: PlacedField[][] = Array.from({ length: section.columns }, () => []);
    const seen = new Set<string>();
    section.items.forEach((item, index) => {
      const placed = placeField(object, item.field);
      if (placed === undefined || seen.has(item.field)) return;
      seen.add(item.field);
      const column = Math.min(item.column ?? index % section.columns, section.columns - 1);
      fieldColumns[column]?.push(
        item.visibleWhen === undefined ? placed : { ...placed, visibleWhen: item.visibleWhen },
      );
    });
    return {
      id: section.id,
      label: section.label,
      columns: section.columns,
      collapsed: section.collapsed === true,
      fieldColumns,
    };
  });
};
