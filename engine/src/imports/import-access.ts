import { EngineError, forbidden, notFound } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import { resolveObject } from "../records/resolve-object.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import { type ImportEntry, readImport } from "./import-entries.js";
import type { ImportMode } from "./import-state.js";

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * The object named for an import, if the user may import into it: they read it (404 otherwise, as
 * for an unknown object) and may create or change its records (403 otherwise).
 */
export const importableObject = (ctx: RecordContext, name: unknown): CompiledObject => {
  if (typeof name !== "string" || name === "")
    throw new EngineError(422, "invalid", "Name the object to import into", [
      { path: "/object", code: "field.required", message: "object is required." },
    ]);
  const object = resolveObject(ctx, name, "read");
  if (!ctx.access.can("create", name) && !ctx.access.can("edit", name))
    throw forbidden(`You may not import ${name} records`);
  return object;
};

/** Inserting needs create permission, updating edit, upserting both. */
export const checkModeAccess = (ctx: RecordContext, object: string, mode: ImportMode): void => {
  if (mode !== "update" && !ctx.access.can("create", object))
    throw forbidden(`You may not create ${object} records`);
  if (mode !== "insert" && !ctx.access.can("edit", object))
    throw forbidden(`You may not change ${object} records`);
};

/**
 * One of the caller's own imports. Another user's import does not exist for them (404), nor one
 * into an object they no longer read.
 */
export const loadOwnImport = async (ctx: RecordContext, id: string): Promise<ImportEntry> => {
  const entry = ULID.test(id) ? await readImport(ctx.store, id) : undefined;
  if (entry === undefined || entry.state.createdBy !== ctx.actor.userId) throw notFound(`No import "${id}"`);
  resolveObject(ctx, entry.state.object, "read");
  return entry;
};
