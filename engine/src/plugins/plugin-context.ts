import type { JsonObject } from "@tessera/metadata";
import { EngineError } from "../errors/engine-error.js";
import { listRecords } from "../query/list-records.js";
import { createRecord } from "../records/create-record.js";
import { deleteRecord } from "../records/delete-record.js";
import { getRecord } from "../records/read-record.js";
import type { RecordContext } from "../records/record-context.js";
import { transferOwnership } from "../records/record-sharing.js";
import { updateRecord } from "../records/update-record.js";
import type { PluginContext, PluginProblem, PluginRecords } from "./plugin-api.js";

const recordsAs = (ctx: RecordContext): PluginRecords => ({
  get: (object, id) => getRecord(ctx, object, id),
  list: async (object, query = {}) =>
    (
      await listRecords(ctx, object, {
        ...(query.filter !== undefined && { filter: JSON.stringify(query.filter) }),
        ...(query.sort !== undefined && { sort: query.sort }),
        ...(query.limit !== undefined && { limit: String(query.limit) }),
      })
    ).records,
  create: (object, values) => createRecord(ctx, object, values),
  update: (object, id, version, values) => updateRecord(ctx, object, id, version, values),
  delete: (object, id) => deleteRecord(ctx, object, id),
  transfer: async (object, id, ownerId) => (await transferOwnership(ctx, object, id, { ownerId })).record,
});

/** A 422 with the plugin's problems, as every other refused write. */
export const pluginProblem = (
  pkg: string,
  problems: PluginProblem | readonly PluginProblem[],
): EngineError => {
  const list = Array.isArray(problems) ? problems : [problems as PluginProblem];
  return new EngineError(
    422,
    "invalid",
    list.length === 1 ? (list[0]?.message ?? "Refused") : "The change was refused",
    list.map((p) => ({
      path: typeof p.path === "string" ? p.path : "",
      code: p.code ?? `plugin.${pkg}.rejected`,
      message: String(p.message),
    })),
  );
};

/** What a plugin's callback gets: the tenant, the acting user and record access with exactly their rights. */
export const pluginContext = (ctx: RecordContext, pkg: string): PluginContext => ({
  tenant: ctx.actor.tenant,
  user: { id: ctx.actor.userId, locale: ctx.locale },
  records: recordsAs(ctx),
  now: ctx.now,
  fail: (problems) => {
    throw pluginProblem(pkg, problems);
  },
});

/** The values a before-save hook left, checked: only the object's own fields, JSON values. */
export const checkHookValues = (
  pkg: string,
  fields: ReadonlyMap<string, unknown>,
  values: JsonObject,
): JsonObject => {
  const unknown = Object.keys(values).filter((key) => !fields.has(key));
  if (unknown.length > 0)
    throw new EngineError(
      500,
      "plugin.invalidValues",
      `Plugin "${pkg}" set fields the object does not have`,
      [
        {
          path: `/${unknown[0] ?? ""}`,
          code: "plugin.unknownField",
          message: `No field "${unknown[0] ?? ""}".`,
        },
      ],
    );
  return values;
};
