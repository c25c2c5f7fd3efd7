import type { JsonObject } from "@tessera/metadata";
import { conflict } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import { loadOwnImport } from "./import-access.js";
import { writeImport } from "./import-entries.js";
import { emptyProgress, type ImportState } from "./import-state.js";
import { importView } from "./import-view.js";
import { compileRowPlan } from "./row-plan.js";
import { importJob } from "./run-import-job.js";

/**
 * Starts a mapped import: its settings are checked again for the user as they are now, the import
 * turns "running" at its first row, and the job that runs it in batches is queued.
 */
export const startImport = async (ctx: RecordContext, id: string): Promise<JsonObject> => {
  const entry = await loadOwnImport(ctx, id);
  const { state } = entry;
  if (state.status !== "mapped")
    throw conflict(
      "import.notStartable",
      state.status === "uploaded" ? "Map the file's columns first" : `The import is ${state.status}`,
    );
  compileRowPlan(ctx, state, "UTC");
  const now = ctx.now();
  const next: ImportState = {
    ...state,
    status: "running",
    progress: { ...emptyProgress(), startedAt: now.toISOString() },
    checkpoint: { offset: state.source.dataOffset, row: 0, activeMs: 0 },
  };
  if (!(await writeImport(ctx.store, id, next, entry.revision)))
    throw conflict("import.changed", "The import was changed meanwhile; reload it and try again");
  try {
    await ctx.store.enqueueJobs([importJob(id, now)]);
  } catch (error) {
    // Without its job the import would wait forever: put it back as it was.
    await writeImport(ctx.store, id, state, entry.revision + 1);
    throw error;
  }
  return importView(id, next);
};
