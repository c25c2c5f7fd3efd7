import type { JsonObject, JsonValue } from "@tessera/metadata";
import type { RecordContext } from "../records/record-context.js";

/** A record an alert rule found like the one just saved, as the saving user may see it. */
export interface DuplicateAlert {
  rule: string;
  /** The rule's label in the user's language. */
  label: string;
  id: string;
  /** null when the user may not read the record's name field. */
  name: string | null;
}

/**
 * Alerts of the last writes of each context, by record id. The record pipeline returns the record
 * alone; whoever answers for the write (the HTTP layer, an import) asks for its alerts here.
 * Bounded: a long-lived context (an import's) keeps only its latest writes.
 */
const alerts = new WeakMap<RecordContext, Map<string, DuplicateAlert[]>>();
const KEPT_PER_CONTEXT = 64;

export const noteDuplicateAlerts = (
  ctx: RecordContext,
  recordId: string,
  found: readonly DuplicateAlert[],
): void => {
  const byRecord = alerts.get(ctx);
  // Most writes match nothing: they leave no trace (no map per request context).
  if (found.length === 0) {
    byRecord?.delete(recordId);
    return;
  }
  if (byRecord === undefined) {
    alerts.set(ctx, new Map([[recordId, [...found]]]));
    return;
  }
  byRecord.set(recordId, [...found]);
  for (const oldest of byRecord.keys()) {
    if (byRecord.size <= KEPT_PER_CONTEXT) break;
    byRecord.delete(oldest);
  }
};

/** The alerts of the last write of `recordId` in `ctx` (empty when none matched). */
export const duplicateAlertsOf = (ctx: RecordContext, recordId: string): DuplicateAlert[] =>
  alerts.get(ctx)?.get(recordId) ?? [];

/**
 * A record as answered to the user who wrote it: with `_duplicates` ([{rule, id, name}], plus the
 * rule's label) when an alert rule matched records they may see; unchanged otherwise.
 */
export const withDuplicateAlerts = (ctx: RecordContext, body: unknown): unknown => {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const record = body as JsonObject;
  if (typeof record.id !== "string") return body;
  const found = duplicateAlertsOf(ctx, record.id);
  if (found.length === 0) return body;
  return { ...record, _duplicates: found as unknown as JsonValue };
};
