import { coerceFieldValue, type JsonObject, usableTimeZone } from "@tessera/metadata";
import { conflict } from "../errors/engine-error.js";
import { and } from "../records/filter-helpers.js";
import type { RecordContext } from "../records/record-context.js";
import type { StoredRecord } from "../store/store-port.js";
import { checkCreate, checkUpdate } from "./check-row.js";
import { loadOwnImport } from "./import-access.js";
import { writeImport } from "./import-entries.js";
import { rowsFileOf } from "./import-files.js";
import { BATCH_ROWS, MAX_DRY_RUN_ERRORS } from "./import-limits.js";
import type { DryRunSummary, ImportError } from "./import-state.js";
import { importView } from "./import-view.js";
import { isUniqueKeyField } from "./mappable-fields.js";
import { type PreparedRow, prepareRows, type RowError } from "./prepare-rows.js";
import { batchesOf, readRows } from "./read-rows.js";
import type { MatchedRecord } from "./resolve-matches.js";
import { rowErrorsOf } from "./row-failure.js";
import { compileRowPlan, type RowPlan } from "./row-plan.js";
import { batchMatches } from "./write-batch.js";
import { eventLoopTurns } from "./yield-turn.js";

type Verdict = "create" | "update" | "skip" | RowError[];

/** What a dry run remembers across batches: unique values claimed by earlier rows, keys they create. */
interface DryRunMemory {
  unique: Map<string, Map<string, number>>;
  created: Set<string>;
}

/** The matched records the user may change, with their values (the update checks need them). */
const editableRecords = async (
  ctx: RecordContext,
  plan: RowPlan,
  matches: ReadonlyMap<string, MatchedRecord>,
) => {
  const ids = [...new Set([...matches.values()].map((m) => m.id))];
  if (ids.length === 0) return new Map<string, StoredRecord>();
  const page = await ctx.store.findRecords(plan.object.name, {
    filter: and(
      { op: "in", field: "id", values: ids },
      await ctx.access.recordFilter(plan.object.name, "edit"),
    ),
    sort: [],
    limit: ids.length,
  });
  return new Map(page.records.map((r) => [r.id, r]));
};

/** Unique fields the mapping fills, with each row's value as stored. */
const uniqueValues = (
  plan: RowPlan,
  row: PreparedRow,
): Array<{ field: string; column: string; value: string }> =>
  plan.columns.flatMap((column) => {
    if (!isUniqueKeyField(column.field)) return [];
    const raw = row.input[column.field.name];
    if (raw === undefined) return [];
    const coerced = coerceFieldValue(column.field, raw);
    return coerced.ok && coerced.value !== null
      ? [{ field: column.field.name, column: column.column, value: String(coerced.value) }]
      : [];
  });

/** Stored records holding a batch's unique values (whoever may see them: the write would collide all the same). */
const takenValues = async (ctx: RecordContext, plan: RowPlan, rows: readonly PreparedRow[]) => {
  const taken = new Map<string, Map<string, string>>();
  for (const column of plan.columns) {
    if (!isUniqueKeyField(column.field)) continue;
    const field = column.field;
    const values = [
      ...new Set(
        rows.flatMap((row) => {
          const coerced =
            row.input[field.name] === undefined ? undefined : coerceFieldValue(field, row.input[field.name]);
          return coerced?.ok && (typeof coerced.value === "string" || typeof coerced.value === "number")
            ? [coerced.value]
            : [];
        }),
      ),
    ];
    if (values.length === 0) continue;
    const page = await ctx.store.findRecords(plan.object.name, {
      filter: { op: "in", field: field.name, values },
      sort: [],
      limit: values.length + 1,
      fields: [field.name],
    });
    taken.set(field.name, new Map(page.records.map((r) => [String(r[field.name]), r.id])));
  }
  return taken;
};

const uniqueProblems = (
  plan: RowPlan,
  row: PreparedRow,
  ownId: string | undefined,
  taken: ReadonlyMap<string, ReadonlyMap<string, string>>,
  memory: DryRunMemory,
): RowError[] =>
  uniqueValues(plan, row).flatMap(({ field, column, value }) => {
    const holder = taken.get(field)?.get(value);
    const seen = memory.unique.get(field) ?? new Map<string, number>();
    memory.unique.set(field, seen);
    const earlier = seen.get(value);
    if (earlier === undefined) seen.set(value, row.row);
    if (holder !== undefined && holder !== ownId)
      return [{ column, message: `Another record already has this "${field}".` }];
    if (earlier !== undefined && earlier !== row.row)
      return [{ column, message: `Row ${earlier} has the same "${field}".` }];
    return [];
  });

const verdictOf = async (
  ctx: RecordContext,
  plan: RowPlan,
  row: PreparedRow,
  batch: {
    matches: ReadonlyMap<string, MatchedRecord>;
    editable: ReadonlyMap<string, StoredRecord>;
    taken: ReadonlyMap<string, ReadonlyMap<string, string>>;
  },
  memory: DryRunMemory,
): Promise<Verdict> => {
  if (row.empty) return "skip";
  if (row.errors.length > 0) return row.errors;
  const mode = plan.settings.mode;
  const key = row.matchKey === undefined ? undefined : String(row.matchKey);
  const match = key === undefined ? undefined : batch.matches.get(key);
  const check = async (creating: boolean): Promise<Verdict> => {
    const unique = uniqueProblems(plan, row, match?.id, batch.taken, memory);
    try {
      if (creating) await checkCreate(ctx, plan.object, row.input);
      else {
        const current = match === undefined ? undefined : batch.editable.get(match.id);
        if (current === undefined) return [{ column: null, message: "You may not change this record." }];
        if (Object.keys(row.input).length === 0) return "skip";
        await checkUpdate(ctx, plan.object, current, row.input);
      }
    } catch (error) {
      const errors = rowErrorsOf(plan, error);
      if (errors === undefined) throw error;
      return [...unique, ...errors];
    }
    if (unique.length > 0) return unique;
    return creating ? "create" : "update";
  };
  if (mode === "insert") return check(true);
  if (mode === "upsert") {
    if (match !== undefined) return check(false);
    if (key !== undefined && memory.created.has(key)) return "update";
    const verdict = await check(true);
    if (verdict === "create" && key !== undefined) memory.created.add(key);
    return verdict;
  }
  const column = plan.match?.column ?? null;
  if (key === undefined) return [{ column, message: "The row has no value to find its record by." }];
  if (match === undefined)
    return [
      {
        column,
        message: `No ${plan.object.name} record with ${plan.match?.field} "${key.slice(0, 100)}" that you can see.`,
      },
    ];
  return check(false);
};

/**
 * A full pass over the file without writing: every row converted, its lookups and match
 * resolved, and checked by the record pipeline's own checks (see check-row.ts). Records what
 * would be created, updated or refused, with the first MAX_DRY_RUN_ERRORS problems.
 */
export const dryRunImport = async (caller: RecordContext, root: string, id: string): Promise<JsonObject> => {
  // As the run: alert rules are not evaluated per row.
  const ctx: RecordContext = { ...caller, duplicateAlerts: false };
  const entry = await loadOwnImport(ctx, id);
  const { state } = entry;
  if (state.status !== "mapped")
    throw conflict(
      "import.notMapped",
      state.status === "uploaded" ? "Map the file's columns first" : `The import is ${state.status}`,
    );
  const user = await ctx.store.getRecord("user", ctx.actor.userId);
  const plan = compileRowPlan(ctx, state, usableTimeZone(user?.timeZone));
  const summary: DryRunSummary = { wouldCreate: 0, wouldUpdate: 0, wouldFail: 0, errors: [] };
  const memory: DryRunMemory = { unique: new Map(), created: new Set() };
  const rows = readRows(rowsFileOf(root, ctx.actor.tenant, id), {
    offset: state.source.dataOffset,
    row: 0,
    delimiter: state.source.delimiter,
    width: state.headers.length,
  });
  const turns = eventLoopTurns();
  for await (const batch of batchesOf(rows, BATCH_ROWS)) {
    const prepared = await prepareRows(ctx, plan, batch);
    const matches = await batchMatches(ctx, plan, prepared);
    const found = {
      matches,
      editable: await editableRecords(ctx, plan, matches),
      taken: await takenValues(ctx, plan, prepared),
    };
    for (const row of prepared) {
      await turns.maybeYield();
      const verdict = await verdictOf(ctx, plan, row, found, memory);
      if (verdict === "create") summary.wouldCreate++;
      else if (verdict === "update") summary.wouldUpdate++;
      else if (verdict !== "skip") {
        summary.wouldFail++;
        for (const error of verdict)
          if (summary.errors.length < MAX_DRY_RUN_ERRORS)
            summary.errors.push({ row: row.row, ...error } satisfies ImportError);
      }
    }
  }
  const next = { ...state, dryRun: summary };
  if (!(await writeImport(ctx.store, id, next, entry.revision)))
    throw conflict("import.changed", "The import changed during the dry run; run it again");
  return importView(id, next);
};
