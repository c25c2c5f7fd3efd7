import type { JsonObject } from "@tessera/metadata";
import { EngineError } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import { newRecordId } from "../records/record-id.js";
import { writeAutomationLog } from "../records/write-automation-log.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import { activePlugins } from "./active-plugins.js";
import { installedPackages } from "./installed-packages.js";
import type { AfterSaveEvent } from "./plugin-api.js";
import { checkHookValues, pluginContext } from "./plugin-context.js";
import type { Registered } from "./plugin-registry.js";

const installedOnly = <H>(
  ctx: RecordContext,
  hooks: ReadonlyArray<Registered<H>>,
): ReadonlyArray<Registered<H>> => {
  if (hooks.length === 0) return hooks;
  const installed = installedPackages(ctx.metadata);
  return hooks.filter((h) => installed.has(h.pkg));
};

const hookFailed = (pkg: string, error: unknown): EngineError =>
  error instanceof EngineError
    ? error
    : new EngineError(
        500,
        "plugin.hookFailed",
        `The "${pkg}" plugin failed: ${(error as Error)?.message ?? String(error)}`,
      );

/**
 * Runs the before-save hooks of the packages installed in the tenant, in registration order, on
 * the values about to be written. Resolves the values the hooks left (each may change them; the
 * pipeline validates the result again). A hook that refuses or fails stops the write: nothing has
 * been stored yet.
 */
export const runBeforeSave = async (
  ctx: RecordContext,
  object: CompiledObject,
  input: { operation: "create" | "update"; id: string; values: JsonObject; previous?: JsonObject },
): Promise<JsonObject> => {
  const hooks = installedOnly(ctx, activePlugins().beforeSave(object.name));
  let values = input.values;
  for (const { pkg, hook } of hooks) {
    const event = {
      object: object.name,
      operation: input.operation,
      id: input.id,
      values: structuredClone(values),
      ...(input.previous !== undefined && { previous: input.previous }),
    };
    try {
      await hook(event, pluginContext(ctx, pkg));
    } catch (error) {
      throw hookFailed(pkg, error);
    }
    values = checkHookValues(pkg, object.fields, event.values);
  }
  return values;
};

/**
 * Runs the after-save hooks once the write is stored. The write stands whatever they do: a
 * failure is recorded in the tenant's automation log, like a failed automation step.
 */
export const runAfterSave = async (
  ctx: RecordContext,
  object: CompiledObject,
  event: AfterSaveEvent,
): Promise<void> => {
  const hooks = installedOnly(ctx, activePlugins().afterSave(object.name));
  for (const { pkg, hook } of hooks) {
    try {
      await hook(event, pluginContext(ctx, pkg));
    } catch (error) {
      await writeAutomationLog(ctx, [
        {
          id: newRecordId(ctx.now()),
          at: ctx.now().toISOString(),
          kind: "automation",
          name: `plugin:${pkg}`,
          object: object.name,
          recordId: String(event.record.id),
          status: "failed",
          message: `After-save hook of "${pkg}" failed: ${(error as Error)?.message ?? String(error)}`,
        },
      ]);
    }
  }
};

/** True when some installed package hooks this object (so callers skip building events otherwise). */
export const hasSaveHooks = (ctx: RecordContext, objectName: string): boolean => {
  const registry = activePlugins();
  return (
    installedOnly(ctx, registry.beforeSave(objectName)).length > 0 ||
    installedOnly(ctx, registry.afterSave(objectName)).length > 0
  );
};
