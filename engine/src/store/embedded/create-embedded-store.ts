import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync } from "node:fs";
import path from "node:path";
import { type Store, StoreError, type TenantStore } from "../store-port.js";
import { assertTenantName, isTenantName } from "../tenant-name.js";
import { embeddedTenantStore } from "./embedded-tenant-store.js";
import { TenantDatabase } from "./tenant-database.js";

export interface EmbeddedStoreOptions {
  /** Directory of the store; tenant databases live in `<dataDir>/tenants/<tenant>.db`. */
  dataDir: string;
}

const DB_SUFFIX = ".db";

/** Makes a directory entry (a new file in it) durable across a power loss. */
const syncDirectory = (directory: string): void => {
  const fd = openSync(directory, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/**
 * The embedded store: one SQLite database per tenant. Tenant names are checked before any path is
 * built from them. File operations are synchronous on purpose: no two calls interleave, so a tenant
 * is never opened twice by one store.
 */
export const createEmbeddedStore = async ({ dataDir }: EmbeddedStoreOptions): Promise<Store> => {
  const tenantsDir = path.join(path.resolve(dataDir), "tenants");
  mkdirSync(tenantsDir, { recursive: true });
  const opened = new Map<string, { tdb: TenantDatabase; store: TenantStore }>();
  let closed = false;

  const fileOf = (tenant: string): string => {
    if (closed) throw new Error("The store is closed");
    return path.join(tenantsDir, `${assertTenantName(tenant)}${DB_SUFFIX}`);
  };

  const openTenant = (tenant: string, file: string): TenantStore => {
    const tdb = TenantDatabase.open(file);
    const store = embeddedTenantStore(tenant, tdb);
    opened.set(tenant, { tdb, store });
    return store;
  };

  return {
    kind: "embedded",
    listTenants: async () => {
      if (closed) throw new Error("The store is closed");
      return readdirSync(tenantsDir)
        .filter((name) => name.endsWith(DB_SUFFIX))
        .map((name) => name.slice(0, -DB_SUFFIX.length))
        .filter(isTenantName)
        .sort();
    },
    hasTenant: async (tenant) => {
      const file = fileOf(tenant);
      return opened.has(tenant) || existsSync(file);
    },
    createTenant: async (tenant) => {
      const file = fileOf(tenant);
      try {
        // "wx" creates the file or fails if it exists: atomic even across processes.
        closeSync(openSync(file, "wx"));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") {
          throw new StoreError("tenantExists", "The tenant already exists.");
        }
        throw error;
      }
      syncDirectory(tenantsDir);
      openTenant(tenant, file);
    },
    tenant: async (tenant) => {
      const file = fileOf(tenant);
      const cached = opened.get(tenant);
      if (cached !== undefined) return cached.store;
      if (!existsSync(file)) throw new StoreError("unknownTenant", "The tenant does not exist.");
      return openTenant(tenant, file);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      for (const { tdb } of opened.values()) tdb.close();
      opened.clear();
    },
  };
};
