import type { JsonObject } from "@tessera/metadata";
import { conflict } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import { resolveObject } from "../records/resolve-object.js";
import { checkSettings } from "./check-settings.js";
import { loadOwnImport } from "./import-access.js";
import { writeImport } from "./import-entries.js";
import type { ImportState } from "./import-state.js";
import { importView } from "./import-view.js";

/** Saves an import's mapping and options (status "mapped"); a previous dry run no longer applies. */
export const saveImportSettings = async (
  ctx: RecordContext,
  id: string,
  body: unknown,
): Promise<JsonObject> => {
  const entry = await loadOwnImport(ctx, id);
  const { state } = entry;
  if (state.status !== "uploaded" && state.status !== "mapped")
    throw conflict("import.notEditable", `The import is ${state.status}: its settings can no longer change`);
  const settings = checkSettings(ctx, resolveObject(ctx, state.object, "read"), state.headers, body);
  const { dryRun: _stale, ...rest } = state;
  const next: ImportState = { ...rest, status: "mapped", settings };
  if (!(await writeImport(ctx.store, id, next, entry.revision)))
    throw conflict("import.changed", "The import was changed meanwhile; reload it and try again");
  return importView(id, next);
};
