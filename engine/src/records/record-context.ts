import type { Locale } from "@tessera/metadata";
import type { CompiledMetadata } from "../registry/compiled-metadata.js";
import type { AccessPolicy, Actor } from "../security/access-policy.js";
import type { TenantStore } from "../store/store-port.js";

/** What every record operation runs with: one tenant, one metadata version, one user. */
export interface RecordContext {
  readonly store: TenantStore;
  readonly metadata: CompiledMetadata;
  readonly actor: Actor;
  readonly access: AccessPolicy;
  readonly locale: Locale;
  readonly now: () => Date;
}
