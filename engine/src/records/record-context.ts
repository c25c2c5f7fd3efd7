import type { Locale } from "@tessera/metadata";
import type { CompiledMetadata } from "../registry/compiled-metadata.js";
import type { AccessPolicy, Actor } from "../security/access-policy.js";
import type { TenantStore } from "../store/store-port.js";

/**
 * Security-relevant facts the record pipeline reports to whoever runs it (the HTTP layer audits
 * them). A typed map of optional listeners: a new event does not compile until it is declared here.
 */
export interface RecordEvents {
  /** A user record went from active to inactive (their sessions and keys are already ended). */
  userDeactivated?: (userId: string) => Promise<void>;
}

/** What every record operation runs with: one tenant, one metadata version, one user. */
export interface RecordContext {
  readonly events?: RecordEvents;
  readonly store: TenantStore;
  readonly metadata: CompiledMetadata;
  readonly actor: Actor;
  readonly access: AccessPolicy;
  readonly locale: Locale;
  readonly now: () => Date;
  /**
   * How many automations led to this write (0 or absent: a user's own write). Automations stop at
   * MAX_AUTOMATION_DEPTH with an error in the automation log, so none can retrigger endlessly.
   */
  readonly automationDepth?: number;
  /**
   * false: automation rules do not run for writes in this context (an import that asked for it).
   * Approval processes, rollups and plugin hooks still do: they keep data consistent.
   */
  readonly automation?: boolean;
  /**
   * false: duplicate rules whose action is `alert` are not evaluated for writes in this context
   * (an import: nobody reads a per-row alert; the find-duplicates job covers them afterwards).
   * `block` rules always are.
   */
  readonly duplicateAlerts?: boolean;
}
