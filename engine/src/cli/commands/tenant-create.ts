import { setActivePlugins } from "../../plugins/active-plugins.js";
import { loadPlugins } from "../../plugins/load-plugins.js";
import { MetadataCache } from "../../registry/metadata-cache.js";
import { MIN_PASSWORD_LENGTH } from "../../security/password.js";
import { configFromEnv } from "../../server/server-config.js";
import { openStore } from "../../store/open-store.js";
import { StoreError } from "../../store/store-port.js";
import { isTenantName } from "../../store/tenant-name.js";
import { createTenant } from "../../tenancy/create-tenant.js";
import type { CommandOutput } from "./metadata-validate.js";

/** `tessera tenant create <name> [--template <package>] [--admin-password <pw>] [--sample-data]`. */
export const tenantCreate = async (
  name: string,
  options: { adminPassword?: string; sampleData: boolean; template?: string },
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
  const config = configFromEnv();
  const plugins = await loadPlugins(config.pluginsDir);
  setActivePlugins(plugins);
  if (options.template !== undefined && !plugins.plugins.has(options.template)) {
    const available = ["standard", ...plugins.plugins.keys()].join(", ");
    io.err(`tessera tenant create: unknown template "${options.template}"; available: ${available}.`);
    return 2;
  }
  const store = await openStore(config);
  try {
    const created = await createTenant(store, new MetadataCache(), name, options);
    const what = options.template === undefined ? "" : ` with the "${options.template}" template`;
    io.out(`Created tenant "${name}"${what}. Sign in as "admin".`);
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
