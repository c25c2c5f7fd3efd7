import { createEmbeddedStore } from "./embedded/index.js";
import type { Store } from "./store-port.js";

export interface StoreConfig {
  dataDir: string;
  mongoUri?: string;
}

/**
 * The embedded store by default; MongoDB when a URI is configured (MONGODB_URI). The MongoDB
 * adapter (and its driver) is only loaded when it is used.
 */
export const openStore = async (config: StoreConfig): Promise<Store> => {
  if (config.mongoUri === undefined || config.mongoUri === "")
    return createEmbeddedStore({ dataDir: config.dataDir });
  const { createMongoStore } = await import("./mongo/index.js");
  return createMongoStore({ uri: config.mongoUri });
};
