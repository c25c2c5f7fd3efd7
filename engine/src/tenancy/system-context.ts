import type { RecordContext } from "../records/record-context.js";
import type { CompiledMetadata } from "../registry/compiled-metadata.js";
import { fullAccess } from "../security/full-access.js";
import type { TenantStore } from "../store/store-port.js";

/**
 * A record context with full access, acting as `userId`. This is the explicit, named system-mode
 * bypass (SECURITY.md): used only to seed a new tenant and by the CLI, never for a request.
 */
export const systemContext = (
  store: TenantStore,
  metadata: CompiledMetadata,
  userId: string,
  username: string,
): RecordContext => ({
  store,
  metadata,
  actor: { userId, username, tenant: store.tenant },
  access: fullAccess(metadata),
  locale: "en",
  now: () => new Date(),
});
