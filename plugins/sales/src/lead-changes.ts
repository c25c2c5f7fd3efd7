import { AsyncLocalStorage } from "node:async_hooks";
import type { BeforeSaveHook } from "@tessera/engine";
import type { JsonValue } from "@tessera/metadata";

/** Field values one write of one lead must end with; `null` clears the field. */
interface LeadChange {
  readonly id: string;
  readonly values: Readonly<Record<string, JsonValue>>;
}

/*
 * The pool fields (poolStatus, claimedAt, returnedAt, returnReason, timesReturned) are read-only
 * for sales users, so the API never lets them forge a claim date. The plugin's own routes change
 * them on the caller's behalf: they run the lead's update inside `withLeadChanges`, and the
 * before-save hook below adds the values. The change travels with the async call, so a concurrent
 * write of the same lead by anyone else never picks it up.
 */
const pending = new AsyncLocalStorage<LeadChange>();

/** Runs `write` (an update of lead `id`) so that it also sets `values`. */
export const withLeadChanges = <T>(
  id: string,
  values: Readonly<Record<string, JsonValue>>,
  write: () => Promise<T>,
): Promise<T> => pending.run({ id, values }, write);

export const applyLeadChanges: BeforeSaveHook = (event) => {
  const change = pending.getStore();
  if (change === undefined || event.object !== "lead" || change.id !== event.id) return;
  for (const [field, value] of Object.entries(change.values)) {
    if (value === null) delete event.values[field];
    else event.values[field] = value;
  }
};
