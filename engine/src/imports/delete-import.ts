import { conflict } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import { loadOwnImport } from "./import-access.js";
import { IMPORT_ERRORS, IMPORTS } from "./import-entries.js";
import { removeImportFiles } from "./import-files.js";

/** Forgets an import that is not running: its files, its error report and itself (records it wrote stay). */
export const deleteImport = async (ctx: RecordContext, root: string, id: string): Promise<void> => {
  const { state } = await loadOwnImport(ctx, id);
  if (state.status === "running") throw conflict("import.running", "Cancel the import before deleting it");
  await removeImportFiles(root, ctx.actor.tenant, id, state.format);
  await ctx.store.deleteEntries(IMPORT_ERRORS, `${id}:`);
  await ctx.store.deleteEntry(IMPORTS, id);
};
