import { randomBytes } from "node:crypto";
import { MongoClient } from "mongodb";
import { describe, it } from "vitest";
import { createMongoStore } from "../../../engine/src/store/mongo/index.js";
import { describeStoreConformance } from "./store-conformance.js";

/**
 * The store conformance suite against a real MongoDB, which needs a replica set (transactions):
 * `TESSERA_TEST_MONGODB_URI=mongodb://localhost:27017/?replicaSet=rs0 npx vitest run
 * tests/engine/store/mongo-store.test.ts`. Each test uses databases of its own random prefix and
 * drops them afterwards. Without the variable the suite is reported as skipped, not passed.
 */
const uri = process.env.TESSERA_TEST_MONGODB_URI;

/** Drops the platform database `<prefix>` and every tenant database `<prefix>_<tenant>`. */
const dropDatabases = async (prefix: string): Promise<void> => {
  const client = new MongoClient(uri as string);
  try {
    const { databases } = await client.db("admin").admin().listDatabases({ nameOnly: true });
    for (const { name } of databases) {
      if (name === prefix || name.startsWith(`${prefix}_`)) await client.db(name).dropDatabase();
    }
  } finally {
    await client.close();
  }
};

if (uri === undefined || uri === "") {
  describe.skip("MongoDB contract tests not run: set TESSERA_TEST_MONGODB_URI", () => {
    it("store conformance: mongo", () => undefined);
  });
} else {
  describeStoreConformance("mongo", async () => {
    const dbPrefix = `tt${randomBytes(6).toString("hex")}`;
    const store = await createMongoStore({ uri, dbPrefix, log: () => undefined });
    return { store, cleanup: () => dropDatabases(dbPrefix) };
  });
}
