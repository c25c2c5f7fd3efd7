import { type JsonObject, localize } from "@tessera/metadata";
import { EngineError } from "../errors/engine-error.js";
import { pointerTo } from "../records/apply-input.js";
import type { RecordContext } from "../records/record-context.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import { type DuplicateAlert, noteDuplicateAlerts } from "./duplicate-alerts.js";
import type { CompiledDuplicateRule } from "./duplicate-rules.js";
import { type DuplicateMatch, findDuplicateMatches, type MatchOptions, noteWrite } from "./find-matches.js";
import { readsRuleFields, visibleRecordNames } from "./visible-records.js";

/** Alerts a response lists per rule at most. */
const ALERTS_PER_RULE = 10;

export const ruleLabel = (ctx: RecordContext, rule: CompiledDuplicateRule): string =>
  localize(rule.rule.label, ctx.locale) ?? rule.name;

const refusal = (
  ctx: RecordContext,
  match: DuplicateMatch,
  names: ReadonlyMap<string, string | null>,
): EngineError => {
  const { rule } = match;
  const field = rule.conditions[0]?.field ?? "";
  const name = readsRuleFields(ctx, rule) ? names.get(match.id) : undefined;
  const named =
    name === undefined
      ? "A record with the same values already exists"
      : `This record duplicates ${name === null ? `record ${match.id}` : `"${name}"`}`;
  return new EngineError(422, "record.duplicate", "The record is a duplicate", [
    {
      path: pointerTo(field),
      code: "record.duplicate",
      message: `${named} (duplicate rule "${ruleLabel(ctx, rule)}").`,
    },
  ]);
};

/**
 * Applies the object's active duplicate rules to a record about to be written (`values` are its
 * final field values): a match of a `block` rule refuses the write (422 `record.duplicate` at the
 * rule's first field, naming the match only when the user may see it); matches of `alert` rules
 * that the user may see are noted for the response (duplicateAlertsOf).
 */
export const enforceDuplicateRules = async (
  ctx: RecordContext,
  object: CompiledObject,
  recordId: string,
  values: JsonObject,
  options: Omit<MatchOptions, "recordId"> = {},
): Promise<void> => {
  const matches = await findDuplicateMatches(ctx, object, values, { ...options, recordId });
  if (matches.length === 0) {
    noteDuplicateAlerts(ctx, recordId, []);
    noteWrite(ctx, object.name, recordId, values);
    return;
  }
  const names = await visibleRecordNames(
    ctx,
    object,
    matches.map((m) => m.id),
  );
  const blocking = matches.find((m) => m.rule.action === "block");
  if (blocking !== undefined) throw refusal(ctx, blocking, names);
  noteWrite(ctx, object.name, recordId, values);
  const alerts: DuplicateAlert[] = [];
  const perRule = new Map<string, number>();
  for (const match of matches) {
    const name = names.get(match.id);
    if (name === undefined || !readsRuleFields(ctx, match.rule)) continue;
    const shown = perRule.get(match.rule.name) ?? 0;
    if (shown >= ALERTS_PER_RULE) continue;
    perRule.set(match.rule.name, shown + 1);
    alerts.push({ rule: match.rule.name, label: ruleLabel(ctx, match.rule), id: match.id, name });
  }
  noteDuplicateAlerts(ctx, recordId, alerts);
};
