import type { RecordContext } from "../records/record-context.js";
import { type PreparedRow, prepareRows } from "./prepare-rows.js";
import type { FileRow } from "./read-rows.js";
import { type MatchedRecord, resolveMatches } from "./resolve-matches.js";
import { importRowId } from "./row-id.js";
import type { RowPlan } from "./row-plan.js";
import { type RowOutcome, writeRow } from "./write-row.js";
import { eventLoopTurns } from "./yield-turn.js";

export interface RowResult {
  row: PreparedRow;
  outcome: RowOutcome;
}

/** The records a batch's rows match (update and upsert), in one query. */
export const batchMatches = async (
  ctx: RecordContext,
  plan: RowPlan,
  rows: readonly PreparedRow[],
): Promise<Map<string, MatchedRecord>> => {
  if (plan.match === undefined) return new Map();
  const keys = rows.flatMap((r) => (r.matchKey === undefined || r.errors.length > 0 ? [] : [r.matchKey]));
  return resolveMatches(ctx, plan.object.name, plan.match.field, keys);
};

/**
 * Writes one batch of rows, in file order, each through the record pipeline. Rows of the batch
 * may have been written by a run that died before its checkpoint: their deterministic ids are
 * looked up once per batch (by primary key), and such rows count as created, not inserted again
 * (a unique field would otherwise refuse them before their id does).
 */
export const writeBatch = async (
  ctx: RecordContext,
  plan: RowPlan,
  importId: string,
  rows: readonly FileRow[],
): Promise<RowResult[]> => {
  const prepared = await prepareRows(ctx, plan, rows);
  const matches = await batchMatches(ctx, plan, prepared);
  const ids = plan.settings.mode === "update" ? [] : prepared.map((r) => importRowId(importId, r.row));
  const landed = new Set(
    ids.length === 0
      ? []
      : (
          await ctx.store.findRecords(plan.object.name, {
            filter: { op: "in", field: "id", values: ids },
            sort: [],
            limit: ids.length,
            fields: [],
          })
        ).records.map((r) => r.id),
  );
  const batch = { ctx, plan, importId, matches, landed };
  const results: RowResult[] = [];
  const turns = eventLoopTurns();
  for (const row of prepared) {
    results.push({ row, outcome: await writeRow(batch, row) });
    await turns.maybeYield();
  }
  return results;
};
