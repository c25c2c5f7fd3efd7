import type { JsonObject } from "@tessera/metadata";
import { conflict } from "../errors/engine-error.js";
import type { TenantStore } from "../store/store-port.js";
import type { ImportState } from "./import-state.js";

/** Entry collections of imports: their state, their failed rows, and saved mappings. */
export const IMPORTS = "imports";
export const IMPORT_ERRORS = "importErrors";
export const IMPORT_MAPPINGS = "importMappings";

export interface ImportEntry {
  id: string;
  revision: number;
  state: ImportState;
}

export const readImport = async (store: TenantStore, id: string): Promise<ImportEntry | undefined> => {
  const entry = await store.getEntry(IMPORTS, id);
  return entry === undefined
    ? undefined
    : { id, revision: entry.revision, state: entry.body as unknown as ImportState };
};

/** Writes the state if the entry is still at `revision` (0: it must not exist yet). */
export const writeImport = (
  store: TenantStore,
  id: string,
  state: ImportState,
  revision: number,
): Promise<boolean> => store.putEntry(IMPORTS, id, state as unknown as JsonObject, { ifRevision: revision });

const ATTEMPTS = 5;

/**
 * Applies `change` to the latest state in one conditional write, reading again when someone else
 * wrote first (the job's checkpoints and a user's cancel race). `change` returns undefined to leave
 * the state as it is. Resolves the entry as written (or as found), undefined when there is none.
 */
export const changeImport = async (
  store: TenantStore,
  id: string,
  change: (state: ImportState) => ImportState | undefined,
): Promise<ImportEntry | undefined> => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await readImport(store, id);
    if (current === undefined) return undefined;
    const next = change(current.state);
    if (next === undefined) return current;
    if (await writeImport(store, id, next, current.revision))
      return { id, revision: current.revision + 1, state: next };
  }
  throw conflict("import.busy", "The import is being changed by someone else; try again");
};
