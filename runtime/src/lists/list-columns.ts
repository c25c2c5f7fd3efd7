import type { FieldDefinition, ListView, ObjectDefinition } from "@tessera/metadata";
import { systemFieldDefinition } from "../format/system-fields.js";

const MAX_EXTRA_COLUMNS = 5;

/** How telling a field is in a table of every record; 0 means never picked by default. */
const usefulness = (field: FieldDefinition): number => {
  const byType: Partial<Record<FieldDefinition["type"], number>> = {
    picklist: 3,
    currency: 3,
    date: 3,
    datetime: 2,
    lookup: 2,
    masterDetail: 2,
    email: 2,
    phone: 2,
    user: 1,
    number: 1,
    percent: 1,
    autoNumber: 1,
    text: 1,
    boolean: 1,
    formula: 1,
    rollupSummary: 1,
  };
  const base = byType[field.type] ?? 0;
  return base === 0 ? 0 : base + ("required" in field && field.required === true ? 2 : 0);
};

/** The record name field, when the user may read it. */
export const nameFieldOf = (object: ObjectDefinition): FieldDefinition | undefined =>
  object.fields.find((f) => f.name === object.recordName);

/**
 * Columns of the "all records" list: the record name, then up to five of the most telling other
 * readable fields (required ones, picklists, amounts, dates first), in the object's field order.
 */
export const defaultColumns = (object: ObjectDefinition): FieldDefinition[] => {
  const name = nameFieldOf(object);
  const picked = object.fields
    .map((field, order) => ({ field, order, score: usefulness(field) }))
    .filter((c) => c.field !== name && c.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_EXTRA_COLUMNS)
    .sort((a, b) => a.order - b.order)
    .map((c) => c.field);
  return name === undefined ? picked : [name, ...picked];
};

/** A list view's columns that the user may read (the server already cut hidden ones). */
export const viewColumns = (object: ObjectDefinition, view: ListView): FieldDefinition[] =>
  view.columns.flatMap((column) => {
    const field = object.fields.find((f) => f.name === column) ?? systemFieldDefinition(column);
    return field === undefined ? [] : [field];
  });
