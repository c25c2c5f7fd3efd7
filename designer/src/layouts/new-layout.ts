import {
  descriptorOf,
  type FieldDefinition,
  type Layout,
  type LayoutItem,
  type LocalizedText,
  type ObjectDefinition,
} from "@tessera/metadata";
import { placedFieldNames } from "./layout-moves.js";

/**
 * A field a person must fill in on create and nothing fills in by itself (the metadata's check
 * `layout.requiredFieldMissing` refuses a layout without it).
 */
export const needsValueOnCreate = (field: FieldDefinition): boolean =>
  descriptorOf(field).source === "input" &&
  (field.type === "masterDetail" || ("required" in field && field.required === true)) &&
  !("default" in field && field.default !== undefined);

/** A field people write (not generated, computed or a system field): only those can be required. */
export const isWritable = (object: ObjectDefinition, name: string): boolean => {
  const field = object.fields.find((f) => f.name === name);
  return field !== undefined && descriptorOf(field).source === "input";
};

/** Labels the designer writes into new sections: metadata in both languages, not the designer's own text. */
export const FIRST_SECTION_LABEL: LocalizedText = { en: "Details", "zh-CN": "详细信息" };
export const NEW_SECTION_LABEL: LocalizedText = { en: "New section", "zh-CN": "新分区" };

/** System fields a layout may show (read-only): the owner and who created and last changed the record. */
export const PLACEABLE_SYSTEM_FIELDS = [
  "ownerId",
  "createdAt",
  "createdBy",
  "updatedAt",
  "updatedBy",
] as const;
export type PlaceableSystemField = (typeof PLACEABLE_SYSTEM_FIELDS)[number];

const layoutLabel = (object: ObjectDefinition): LocalizedText => {
  const zh = object.label["zh-CN"];
  return zh === undefined
    ? { en: `${object.label.en} layout` }
    : { en: `${object.label.en} layout`, "zh-CN": `${zh}布局` };
};

/**
 * A new layout `name` of `object`: one two-column section holding the record-name field and every
 * field a new record cannot be saved without (the engine refuses a layout leaving one out),
 * alternating between the columns. The first layout of an object is its default.
 */
export const newLayout = (
  object: ObjectDefinition,
  name: string,
  options: { sectionLabel: LocalizedText; isFirst: boolean },
): Layout => {
  const required = object.fields.filter(
    (field) => field.name !== object.recordName && needsValueOnCreate(field),
  );
  const names = [
    ...(object.fields.some((field) => field.name === object.recordName) ? [object.recordName] : []),
    ...required.map((field) => field.name),
  ];
  const items: LayoutItem[] = names.map((field, index) => ({ field, column: index % 2 }));
  return {
    kind: "layout",
    name,
    object: object.name,
    label: layoutLabel(object),
    ...(options.isFirst && { default: true }),
    sections: [{ id: "details", label: options.sectionLabel, columns: 2, items }],
  };
};

/** The object's fields the layout does not place yet, in the object's order. */
export const unplacedFields = (object: ObjectDefinition, layout: Layout): FieldDefinition[] => {
  const placed = placedFieldNames(layout);
  return object.fields.filter((field) => !placed.has(field.name));
};

/** The placeable system fields the layout does not show yet. */
export const unplacedSystemFields = (layout: Layout): PlaceableSystemField[] => {
  const placed = placedFieldNames(layout);
  return PLACEABLE_SYSTEM_FIELDS.filter((name) => !placed.has(name));
};

/** Whether `name` must stay on the layout: a field a new record needs a value for. */
export const mustStayPlaced = (object: ObjectDefinition, name: string): boolean => {
  const field = object.fields.find((f) => f.name === name);
  return field !== undefined && needsValueOnCreate(field);
};
