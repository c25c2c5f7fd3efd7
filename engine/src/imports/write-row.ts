import { EngineError } from "../errors/engine-error.js";
import { createRecord } from "../records/create-record.js";
import type { RecordContext } from "../records/record-context.js";
import { updateRecord } from "../records/update-record.js";
import { StoreError } from "../store/store-port.js";
import type { PreparedRow, RowError } from "./prepare-rows.js";
import type { MatchedRecord } from "./resolve-matches.js";
import { rowErrorsOf } from "./row-failure.js";
import { importRowId } from "./row-id.js";
import type { RowPlan } from "./row-plan.js";

export type RowOutcome = { kind: "created" | "updated" | "skipped" } | { kind: "failed"; errors: RowError[] };

/** What the rows of one batch share while they are written. */
export interface BatchWrite {
  ctx: RecordContext;
  plan: RowPlan;
  importId: string;
  /** Records matched by key (as text); rows created in the batch are added, so a later row updates them. */
  matches: Map<string, MatchedRecord>;
  /** Ids of this import's rows already in the store (written before a crash). */
  landed: ReadonlySet<string>;
}

const failed = (batch: BatchWrite, error: unknown): RowOutcome => {
  const errors = rowErrorsOf(batch.plan, error);
  if (errors === undefined) throw error;
  return { kind: "failed", errors };
};

const create = async (batch: BatchWrite, row: PreparedRow): Promise<RowOutcome> => {
  const id = importRowId(batch.importId, row.row);
  if (batch.landed.has(id)) return { kind: "created" };
  try {
    const record = await createRecord(batch.ctx, batch.plan.object.name, row.input, { id });
    if (row.matchKey !== undefined)
      batch.matches.set(String(row.matchKey), { id, version: Number(record.version) });
    return { kind: "created" };
  } catch (error) {
    // Written by this import before a crash: it landed once, and counts once.
    if (error instanceof StoreError && error.code === "duplicateId") return { kind: "created" };
    return failed(batch, error);
  }
};

const update = async (batch: BatchWrite, row: PreparedRow, match: MatchedRecord): Promise<RowOutcome> => {
  const { ctx, plan } = batch;
  for (let attempt = 0; ; attempt++) {
    try {
      const record = await updateRecord(ctx, plan.object.name, match.id, match.version, row.input);
      match.version = Number(record.version);
      return { kind: "updated" };
    } catch (error) {
      // Changed since the batch read it (an automation, a user): apply the row to the latest version once.
      const stale = error instanceof EngineError && error.code === "record.stale";
      const latest =
        stale && attempt === 0 ? await ctx.store.getRecord(plan.object.name, match.id) : undefined;
      if (latest === undefined) return failed(batch, error);
      match.version = latest.version;
    }
  }
};

/**
 * Writes one row through the record pipeline as the importing user: insert creates (with the
 * row's deterministic id), update changes the matched record, upsert does whichever applies.
 * A refused row is a failure with its problems; the run goes on.
 */
export const writeRow = async (batch: BatchWrite, row: PreparedRow): Promise<RowOutcome> => {
  if (row.empty) return { kind: "skipped" };
  if (row.errors.length > 0) return { kind: "failed", errors: row.errors };
  const { plan } = batch;
  if (plan.settings.mode === "insert") return create(batch, row);
  const match = row.matchKey === undefined ? undefined : batch.matches.get(String(row.matchKey));
  if (plan.settings.mode === "upsert") {
    if (match === undefined) return create(batch, row);
    // This row's own insert, made before a crash.
    if (match.id === importRowId(batch.importId, row.row)) return { kind: "created" };
    return update(batch, row, match);
  }
  if (Object.keys(row.input).length === 0) return { kind: "skipped" };
  const column = plan.match?.column ?? null;
  if (row.matchKey === undefined)
    return { kind: "failed", errors: [{ column, message: "The row has no value to find its record by." }] };
  if (match === undefined)
    return {
      kind: "failed",
      errors: [
        {
          column,
          message: `No ${plan.object.name} record with ${plan.match?.field} "${String(row.matchKey).slice(0, 100)}" that you can see.`,
        },
      ],
    };
  return update(batch, row, match);
};
