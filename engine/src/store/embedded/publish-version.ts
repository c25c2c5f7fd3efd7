import type { PublishedVersion, StorageSchema } from "../store-port.js";
import { applyStoragePlan, planStorage } from "./apply-storage-schema.js";
import { activateVersion, currentVersionNumber } from "./published-versions.js";
import { mappingStoreErrors } from "./sqlite-errors.js";
import type { TenantDatabase } from "./tenant-database.js";

/**
 * Stores `next`, makes it current and applies the storage schema in one transaction, conditioned
 * on the current version: of two publishes from the same version exactly one wins, and the other
 * changes nothing.
 */
export const publishVersion = (
  tdb: TenantDatabase,
  next: PublishedVersion,
  expectedCurrent: number,
  schema: StorageSchema,
): boolean => {
  const plan = planStorage(schema);
  try {
    return mappingStoreErrors(() =>
      tdb.write(() => {
        if (currentVersionNumber(tdb) !== expectedCurrent) return false;
        if (tdb.statement("SELECT 1 FROM versions WHERE version = ?").get(next.version) !== undefined) {
          throw new RangeError(`Version ${next.version} is already published`);
        }
        activateVersion(tdb, next);
        applyStoragePlan(tdb, plan);
        return true;
      }),
    );
  } finally {
    tdb.tablesChanged();
  }
};
