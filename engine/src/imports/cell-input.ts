import type { JsonValue } from "@tessera/metadata";
import { readDateCell } from "./date-cell.js";
import { readDatetimeCell } from "./datetime-cell.js";
import { normalizeNumberCell } from "./number-cell.js";
import type { CellOptions, ColumnPlan } from "./row-plan.js";

/** What one cell gives its field: a value for the record pipeline, a record to look up, or a problem. */
export type CellInput =
  | { kind: "value"; value: JsonValue }
  | { kind: "reference"; key: string }
  | { kind: "error"; message: string };

const ambiguousDate = (text: string) => ({
  kind: "error" as const,
  message: `"${text.slice(0, 40)}" could be read day-first or month-first: choose the file's date format (DD/MM/YYYY or MM/DD/YYYY).`,
});

/**
 * Converts one cell for its column: trimmed (unless the column says not), through the column's
 * value map, then as its field type reads spreadsheets (dates in the formats `readDateCell` knows,
 * datetimes in the user's zone, numbers with currency and spaces, ";"-separated multi-select
 * values). Coercion and validation proper stay with the record pipeline. Undefined for an empty
 * cell: the field is not written.
 */
export const cellInput = (column: ColumnPlan, raw: string, options: CellOptions): CellInput | undefined => {
  const text = column.trim ? raw.trim() : raw;
  if (text.trim() === "") return undefined;
  const mapped = (value: string) =>
    column.valueMap?.get(value) ?? column.valueMap?.get(value.toLowerCase()) ?? value;
  const { field } = column;
  if (field.type === "multiPicklist") {
    const items = text
      .split(/[;；]/)
      .map((item) => item.trim())
      .filter((item) => item !== "")
      .map(mapped);
    return { kind: "value", value: items.join(";") };
  }
  const value = mapped(text);
  if (column.lookup !== undefined) return { kind: "reference", key: value.trim() };
  if (field.type === "date") {
    const reading = readDateCell(value.trim(), options);
    if (reading !== undefined && "ambiguous" in reading) return ambiguousDate(value);
    return { kind: "value", value: reading?.date ?? value };
  }
  if (field.type === "datetime") {
    const reading = readDatetimeCell(value.trim(), options);
    if (reading !== undefined && "ambiguous" in reading) return ambiguousDate(value);
    return { kind: "value", value: reading?.iso ?? value };
  }
  if (field.type === "number" || field.type === "currency" || field.type === "percent")
    return { kind: "value", value: normalizeNumberCell(value) };
  return { kind: "value", value };
};
