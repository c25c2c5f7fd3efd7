import type { JsonObject } from "@tessera/metadata";
import { conflict } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import { loadOwnImport } from "./import-access.js";
import { changeImport } from "./import-entries.js";
import { isFinished } from "./import-state.js";
import { importView } from "./import-view.js";

/**
 * Cancels an import. A running one stops at its next checkpoint: rows written until then stay
 * written and are counted (the job adds its last batch to the cancelled import's progress).
 */
export const cancelImport = async (ctx: RecordContext, id: string): Promise<JsonObject> => {
  const { state } = await loadOwnImport(ctx, id);
  if (isFinished(state.status)) throw conflict("import.finished", `The import is ${state.status} already`);
  const at = ctx.now().toISOString();
  const written = await changeImport(ctx.store, id, (current) =>
    isFinished(current.status)
      ? undefined
      : { ...current, status: "cancelled", progress: { ...current.progress, finishedAt: at } },
  );
  if (written === undefined || written.state.status !== "cancelled")
    throw conflict("import.finished", `The import is ${written?.state.status ?? "gone"} already`);
  await ctx.store.cancelJobs([`import:${id}`]);
  return importView(id, written.state);
};
