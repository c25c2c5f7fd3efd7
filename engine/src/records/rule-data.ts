import type { JsonObject, JsonValue } from "@tessera/metadata";
import type { RecordContext } from "./record-context.js";

/**
 * The data a rule, formula or default sees: the record's fields and system fields, `$user` (the
 * acting user) and, on update, `$previous` (the record as it was).
 */
export const ruleData = (ctx: RecordContext, record: JsonObject, previous?: JsonObject): JsonObject => {
  const data: JsonObject = { ...record, $user: { id: ctx.actor.userId, username: ctx.actor.username } };
  if (previous !== undefined) data.$previous = previous;
  return data;
};

/** Whether a rule result counts as true (JsonLogic truthiness). */
export const truthy = (value: JsonValue): boolean =>
  Array.isArray(value) ? value.length > 0 : Boolean(value);
