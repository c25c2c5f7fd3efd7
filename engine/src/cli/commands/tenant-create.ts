import { MetadataCache } from "../../registry/metadata-cache.js";
import { MIN_PASSWORD_LENGTH } from "../../security/password.js";
import { configFromEnv } from "../../server/server-config.js";
import { openStore } from "../../store/open-store.js";
import { StoreError } from "../../store/store-port.js";
import { isTenantName } from "../../store/tenant-name.js";
import { createTenant } from "../../tenancy/create-tenant.js";
import type { CommandOutput } from "./metadata-validate.js";

/** `tessera tenant create <name> [--admin-password <pw>] [--sample-data]`. */
export const tenantCreate = async (
  name: string,
  options: { adminPassword?: string; sampleData: boolean },
  io: CommandOutput,
): Promise<number> => {
  if (!isTenantName(name)) {
    io.err(
      `tessera tenant create: "${name}" is not a valid tenant name (lower-case letters, digits and -, starting with a letter, at most 40).`,
    );
    return 2;
  }
  // Checked before the store is opened, so a refused command leaves nothing behind.
  if (options.adminPassword !== undefined && options.adminPassword.length < MIN_PASSWORD_LENGTH) {
    io.err(`tessera tenant create: the admin password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
    return 2;
  }
  const store = await openStore(configFromEnv());
  try {
    const created = await createTenant(store, new MetadataCache(), name, options);
    io.out(`Created tenant "${name}". Sign in as "admin".`);
    if (created.generatedPassword !== undefined)
      io.out(`Password (shown once): ${created.generatedPassword}`);
    return 0;
  } catch (error) {
    // The store creates the tenant's file exclusively, so two concurrent commands cannot both win.
    if (!(error instanceof StoreError && error.code === "tenantExists")) throw error;
    io.err(`tessera tenant create: tenant "${name}" already exists.`);
    return 1;
  } finally {
    await store.close();
  }
};
