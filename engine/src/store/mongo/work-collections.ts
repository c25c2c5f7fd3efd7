import type { Db } from "mongodb";
import { prepareWorkCollections } from "./tenant-collections.js";

/**
 * Makes the work collections of a tenant database ready once, on first use: tenants created
 * before them get them then (new tenants at creation). A failed attempt is tried again at the
 * next use. Nothing is written before the job key's unique index exists.
 */
export const workCollectionsReady = (db: Db): (() => Promise<void>) => {
  let ready: Promise<void> | undefined;
  return () => {
    ready ??= prepareWorkCollections(db).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
};
