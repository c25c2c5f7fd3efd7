import { newRecordId } from "../records/record-id.js";
import type { AuditEvent, TenantStore } from "../store/store-port.js";

/** The security events Tessera records (docs/adr/0006-rate-limits-and-audit.md). */
export const AUDIT_EVENT_TYPES = [
  "login.succeeded",
  "login.failed",
  "login.throttled",
  "logout",
  "user.created",
  "user.passwordChanged",
  "user.deactivated",
  "metadata.published",
  "metadata.draftDiscarded",
  "record.shared",
  "record.unshared",
  "record.ownerChanged",
  "apiKey.created",
  "apiKey.revoked",
  "webhooks.settingsChanged",
  "webhooks.secretRotated",
  "records.exported",
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export const isAuditEventType = (value: unknown): value is AuditEventType =>
  (AUDIT_EVENT_TYPES as readonly unknown[]).includes(value);

/** Where an event happens: the tenant, the clock, and who acted from where, when known. */
export interface AuditScope {
  readonly store: TenantStore;
  readonly now: () => Date;
  readonly actor?: { readonly userId: string; readonly username: string };
  readonly ip?: string;
}

/** What the caller says about an event; id, time, actor and address come from the scope. */
export type AuditNote = Omit<AuditEvent, "id" | "at" | "type"> & { type: AuditEventType };

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
let lastId = "";

/** The next id of the same alphabet and length: `id` plus one, carried leftwards. */
const successor = (id: string): string => {
  const digits = [...id];
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    const next = CROCKFORD.indexOf(digits[i] ?? "") + 1;
    if (next < CROCKFORD.length) {
      digits[i] = CROCKFORD[next] ?? "0";
      return digits.join("");
    }
    digits[i] = "0";
  }
  return digits.join("");
};

/**
 * A ULID that sorts after every id this process handed out before: events of one millisecond keep
 * the order they happened in (the log lists by time, then id).
 */
const nextEventId = (at: Date): string => {
  const candidate = newRecordId(at);
  lastId = candidate > lastId ? candidate : successor(lastId);
  return lastId;
};

/**
 * Appends one security event to the tenant's audit log and returns it. Throws when the store does:
 * whether that fails the request is the caller's decision (see http/audit-request.ts).
 */
export const audit = async (scope: AuditScope, note: AuditNote): Promise<AuditEvent> => {
  const at = scope.now();
  const event: AuditEvent = {
    id: nextEventId(at),
    at: at.toISOString(),
    ...(scope.actor !== undefined && { actorId: scope.actor.userId, actorName: scope.actor.username }),
    ...(scope.ip !== undefined && { ip: scope.ip }),
    ...note,
  };
  await scope.store.appendAudit(event);
  return event;
};
