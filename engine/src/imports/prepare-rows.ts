import { coerceFieldValue, type JsonObject } from "@tessera/metadata";
import type { RecordContext } from "../records/record-context.js";
import { cellInput } from "./cell-input.js";
import type { FileRow } from "./read-rows.js";
import { resolveLookups } from "./resolve-lookups.js";
import type { ColumnPlan, RowPlan } from "./row-plan.js";

export interface RowError {
  column: string | null;
  message: string;
}

/** A row converted for the record pipeline. */
export interface PreparedRow {
  row: number;
  cells: string[];
  /** Field values as the pipeline takes them (lookups resolved to ids). */
  input: JsonObject;
  /** Cells that could not be converted: the row fails without being written. */
  errors: RowError[];
  /** update and upsert: the match field's value as stored, when the row has one. */
  matchKey?: string | number;
  /** No mapped cell has a value: the row is skipped. */
  empty: boolean;
}

const matchKeyOf = (plan: RowPlan, row: PreparedRow): string | number | RowError | undefined => {
  const match = plan.match;
  if (match === undefined) return undefined;
  if (match.field === "id") {
    const id = (row.cells[match.index] ?? "").trim();
    return id === "" ? undefined : id;
  }
  const value = row.input[match.field];
  if (value === undefined) return undefined;
  if (match.definition === undefined) return { column: match.column, message: "The match field is gone." };
  const coerced = coerceFieldValue(match.definition, value);
  if (!coerced.ok) return { column: match.column, message: coerced.message };
  return typeof coerced.value === "number" ? coerced.value : String(coerced.value);
};

/**
 * Converts a batch of rows: every mapped cell through `cellInput`, then the lookup cells of the
 * whole batch resolved together (a few queries per column, not one per row), then each row's
 * match key.
 */
export const prepareRows = async (ctx: RecordContext, plan: RowPlan, rows: readonly FileRow[]) => {
  const prepared: PreparedRow[] = [];
  const references = new Map<ColumnPlan, Array<{ row: PreparedRow; key: string }>>();
  for (const { row, cells } of rows) {
    const target: PreparedRow = { row, cells, input: {}, errors: [], empty: true };
    for (const column of plan.columns) {
      const input = cellInput(column, cells[column.index] ?? "", plan.cell);
      if (input === undefined) continue;
      target.empty = false;
      if (input.kind === "value") target.input[column.field.name] = input.value;
      else if (input.kind === "error") target.errors.push({ column: column.column, message: input.message });
      else references.set(column, [...(references.get(column) ?? []), { row: target, key: input.key }]);
    }
    if (plan.match?.field === "id" && (cells[plan.match.index] ?? "").trim() !== "") target.empty = false;
    prepared.push(target);
  }
  for (const [column, cells] of references) {
    if (column.lookup === undefined) continue;
    const resolved = await resolveLookups(ctx, column.lookup, new Set(cells.map((c) => c.key)));
    for (const { row, key } of cells) {
      const result = resolved.get(key);
      if (result !== undefined && "id" in result) row.input[column.field.name] = result.id;
      else row.errors.push({ column: column.column, message: result?.error ?? "Not found." });
    }
  }
  for (const row of prepared) {
    const key = matchKeyOf(plan, row);
    if (key !== undefined && typeof key === "object") row.errors.push(key);
    else if (key !== undefined) row.matchKey = key;
  }
  return prepared;
};
