import type { FieldDefinition } from "@tessera/metadata";
import { conflict } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import { resolveObject } from "../records/resolve-object.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import { checkSettings } from "./check-settings.js";
import type { DateFormat, ImportSettings, ImportState } from "./import-state.js";
import { referenceTarget } from "./mappable-fields.js";

/** One mapped column, ready to convert cells. */
export interface ColumnPlan {
  index: number;
  column: string;
  field: FieldDefinition;
  trim: boolean;
  /** Cell value -> value written; cell values also found lower-cased. */
  valueMap?: ReadonlyMap<string, string>;
  /** For reference fields: the object referenced and how cells name its records. */
  lookup?: { target: string; by: string };
}

export interface CellOptions {
  format?: DateFormat;
  /** Numbers in date columns are Excel serial dates (the file came as a workbook). */
  excelSerials: boolean;
  /** The importing user's zone, for datetimes written without one. */
  timeZone: string;
}

/** An import's settings compiled once per run slice against the current metadata and access. */
export interface RowPlan {
  object: CompiledObject;
  settings: ImportSettings;
  columns: ColumnPlan[];
  /** update and upsert: the column whose value finds the record. */
  match?: { field: string; index: number; column: string; definition?: FieldDefinition };
  cell: CellOptions;
  /** The column filling a field (null when none does), for error reports. */
  columnOf(field: string): string | null;
}

const valueMapOf = (pairs: ImportSettings["mapping"][number]["transform"]) => {
  if (pairs?.valueMap === undefined) return undefined;
  const map = new Map<string, string>();
  for (const { from, to } of pairs.valueMap) map.set(from, to);
  for (const { from, to } of pairs.valueMap)
    if (!map.has(from.toLowerCase())) map.set(from.toLowerCase(), to);
  return map;
};

/**
 * Compiles the import's settings for a run or dry run. They are checked again first: fields
 * deleted or permissions withdrawn since the mapping was saved refuse the import (422 or 403)
 * rather than write what the user may no longer write.
 */
export const compileRowPlan = (ctx: RecordContext, state: ImportState, timeZone: string): RowPlan => {
  if (state.settings === undefined)
    throw conflict("import.notMapped", "Map the file's columns first (PUT /imports/{id}/settings)");
  const object = resolveObject(ctx, state.object, "read");
  const settings = checkSettings(ctx, object, state.headers, state.settings);
  const columns: ColumnPlan[] = [];
  const fieldColumns = new Map<string, string>();
  let match: RowPlan["match"];
  for (const entry of settings.mapping) {
    if (entry.field === null) continue;
    const index = state.headers.indexOf(entry.column);
    fieldColumns.set(entry.field, entry.column);
    if (entry.field === settings.matchField)
      match = { field: entry.field, index, column: entry.column, definition: object.fields.get(entry.field) };
    const field = object.fields.get(entry.field);
    if (field === undefined) continue;
    const target = referenceTarget(field);
    const valueMap = valueMapOf(entry.transform);
    columns.push({
      index,
      column: entry.column,
      field,
      trim: entry.transform?.trim ?? true,
      ...(valueMap !== undefined && { valueMap }),
      ...(target !== undefined && { lookup: { target, by: entry.transform?.lookupBy ?? "name" } }),
    });
  }
  return {
    object,
    settings,
    columns,
    ...(match !== undefined && { match }),
    cell: {
      ...(settings.dateFormat !== undefined && { format: settings.dateFormat }),
      excelSerials: state.format === "xlsx",
      timeZone,
    },
    columnOf: (field) => fieldColumns.get(field) ?? null,
  };
};
