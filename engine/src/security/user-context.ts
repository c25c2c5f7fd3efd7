import { isLocale } from "@tessera/metadata";
import type { RecordContext } from "../records/record-context.js";
import type { CompiledMetadata } from "../registry/compiled-metadata.js";
import type { TenantStore } from "../store/store-port.js";
import { computeAccessPolicy } from "./compute-access-policy.js";

/**
 * A record context acting as a stored user with exactly that user's access: what automations run
 * as, and what a notification is rendered with for its reader. Undefined when the user does not
 * exist or is inactive (an inactive user can neither act nor read).
 */
export const userContext = async (
  store: TenantStore,
  metadata: CompiledMetadata,
  userId: string,
  now: () => Date = () => new Date(),
): Promise<RecordContext | undefined> => {
  const user = await store.getRecord("user", userId);
  if (user === undefined || user.active === false) return undefined;
  return {
    store,
    metadata,
    actor: { userId, username: String(user.username), tenant: store.tenant },
    access: await computeAccessPolicy(store, metadata, user),
    locale: isLocale(user.locale) ? user.locale : "en",
    now,
  };
};
