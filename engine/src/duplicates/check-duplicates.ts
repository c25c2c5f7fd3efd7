import { coerceFieldValue, isPlainObject, type JsonObject } from "@tessera/metadata";
import { EngineError } from "../errors/engine-error.js";
import type { RecordContext } from "../records/record-context.js";
import { resolveObject } from "../records/resolve-object.js";
import { fieldValuesOf } from "../records/save-update.js";
import { loadAccessible } from "../records/update-record.js";
import { ruleLabel } from "./enforce-duplicate-rules.js";
import { findDuplicateMatches } from "./find-matches.js";
import { readsRuleFields, visibleRecordNames } from "./visible-records.js";

/**
 * Records the object's active duplicate rules find like a form's values, before it is saved
 * (`{values, id?}`; with `id`, the record being edited: its stored values fill what the form does
 * not send, and it is not its own duplicate). Lists only matches the caller may see, under rules
 * whose fields they may read. A value that does not coerce is left out, as the save would refuse it.
 */
export const checkDuplicates = async (
  ctx: RecordContext,
  objectName: string,
  body: unknown,
): Promise<{ matches: JsonObject[] }> => {
  const object = resolveObject(ctx, objectName, "read");
  if (
    !isPlainObject(body) ||
    !isPlainObject(body.values) ||
    (body.id !== undefined && typeof body.id !== "string")
  )
    throw new EngineError(422, "invalid", "Send {values, id?}", [
      { path: "/values", code: "body.values", message: "Send the form's values as {field: value}." },
    ]);
  const values: JsonObject = {};
  if (typeof body.id === "string")
    Object.assign(
      values,
      fieldValuesOf(await loadAccessible(ctx, object.name, body.id, "read"), object.fields),
    );
  for (const [name, raw] of Object.entries(body.values)) {
    const field = object.fields.get(name);
    if (field === undefined) continue;
    const coerced = coerceFieldValue(field, raw);
    if (coerced.ok) values[name] = coerced.value;
  }
  const matches = await findDuplicateMatches(ctx, object, values, {
    ...(typeof body.id === "string" && { recordId: body.id }),
  });
  const names = await visibleRecordNames(
    ctx,
    object,
    matches.map((m) => m.id),
  );
  const shown: JsonObject[] = [];
  for (const match of matches) {
    const name = names.get(match.id);
    if (name === undefined || !readsRuleFields(ctx, match.rule)) continue;
    shown.push({
      rule: match.rule.name,
      label: ruleLabel(ctx, match.rule),
      action: match.rule.action,
      score: Math.round(match.score * 1000) / 1000,
      record: { id: match.id, name },
    });
  }
  return { matches: shown };
};
