import { MongoClient } from "mongodb";
import { type Store, StoreError, type TenantStore } from "../store-port.js";
import { assertTenantName } from "../tenant-name.js";
import { atomicWrites } from "./atomic-writes.js";
import { duplicateKeyOf } from "./duplicate-key.js";
import { mongoTenantStore } from "./mongo-tenant-store.js";
import { prepareTenantDatabase } from "./tenant-collections.js";

export interface MongoStoreOptions {
  /** A MongoDB connection string (`MONGODB_URI`). */
  uri: string;
  /**
   * Database names: the platform database is `<dbPrefix>`, a tenant's is `<dbPrefix>_<tenant>`.
   * Lower-case letters and digits, starting with a letter; default "tessera".
   */
  dbPrefix?: string;
  /** Where notices about the deployment go (a standalone server); default process warnings. */
  log?: (message: string) => void;
}

const DB_PREFIX = /^[a-z][a-z0-9]{0,19}$/;

interface TenantEntry {
  _id: string;
  createdAt: string;
}

/**
 * The MongoDB store: one database per tenant, so a tenant's data can be backed up, restored,
 * moved and access-controlled on its own, and no query can reach another tenant's collections.
 * The platform database lists the tenants. Atomic writes use transactions, which need a replica
 * set or sharded cluster; on a standalone server writes are ordered instead and a notice is logged.
 */
export const createMongoStore = async (options: MongoStoreOptions): Promise<Store> => {
  const prefix = options.dbPrefix ?? "tessera";
  if (!DB_PREFIX.test(prefix)) throw new RangeError("dbPrefix must be lower-case letters and digits");
  const log = options.log ?? ((message: string) => process.emitWarning(message, "TesseraMongoStore"));
  const client = new MongoClient(options.uri, { ignoreUndefined: true });
  await client.connect();
  let transactions: boolean;
  try {
    const hello = await client.db("admin").command({ hello: 1 });
    transactions = typeof hello.setName === "string" || hello.msg === "isdbgrid";
  } catch (error) {
    await client.close();
    throw error;
  }
  if (!transactions) {
    log(
      "MongoDB is a standalone server: transactions are unavailable, so multi-document writes " +
        "(insert with counters and history, publish, deleteRecords) run as ordered writes that a crash " +
        "can leave half done. Run a replica set (a single-node one will do) in production.",
    );
  }
  const atomic = atomicWrites(client, transactions);
  const tenants = client.db(prefix).collection<TenantEntry>("tenants");
  const stores = new Map<string, TenantStore>();
  let closed = false;
  const open = () => {
    if (closed) throw new Error("The store is closed");
  };
  const databaseOf = (tenant: string) => client.db(`${prefix}_${tenant}`);

  return {
    kind: "mongo",
    async listTenants() {
      open();
      const entries = await tenants.find({}, { sort: { _id: 1 }, projection: { _id: 1 } }).toArray();
      return entries.map((entry) => entry._id);
    },
    async hasTenant(tenant) {
      open();
      assertTenantName(tenant);
      return (await tenants.countDocuments({ _id: { $eq: tenant } }, { limit: 1 })) > 0;
    },
    async createTenant(tenant) {
      open();
      assertTenantName(tenant);
      if ((await tenants.countDocuments({ _id: { $eq: tenant } }, { limit: 1 })) > 0) throw tenantExists();
      // The database first, then the entry that makes the tenant visible: a crash in between
      // leaves a database that the next createTenant completes.
      await prepareTenantDatabase(databaseOf(tenant));
      try {
        await tenants.insertOne({ _id: tenant, createdAt: new Date().toISOString() });
      } catch (error) {
        if (duplicateKeyOf(error) !== undefined) throw tenantExists();
        throw error;
      }
    },
    async tenant(tenant) {
      open();
      assertTenantName(tenant);
      const cached = stores.get(tenant);
      if (cached !== undefined) return cached;
      if ((await tenants.countDocuments({ _id: { $eq: tenant } }, { limit: 1 })) === 0) {
        throw new StoreError("unknownTenant", "No such tenant.");
      }
      const store = mongoTenantStore(tenant, databaseOf(tenant), atomic, open);
      stores.set(tenant, store);
      return store;
    },
    async close() {
      if (closed) return;
      closed = true;
      stores.clear();
      await client.close();
    },
  };
};

const tenantExists = () => new StoreError("tenantExists", "The tenant exists.");
