import type { CompiledMetadata } from "../registry/compiled-metadata.js";
import type { AccessPolicy } from "./access-policy.js";

/**
 * The access of a tenant administrator (modifyAllData and manageMetadata): every object, field and
 * record. Used for the bootstrap `admin` user and for explicit, named system operations such as
 * seeding sample data.
 */
export const fullAccess = (metadata: CompiledMetadata): AccessPolicy => {
  const cache = new Map<string, ReadonlySet<string>>();
  const fieldNames = (object: string): ReadonlySet<string> => {
    let names = cache.get(object);
    if (names === undefined) {
      names = new Set(metadata.objects.get(object)?.fields.keys() ?? []);
      cache.set(object, names);
    }
    return names;
  };
  return {
    can: (_operation, object) => metadata.objects.has(object),
    readableFields: fieldNames,
    editableFields: fieldNames,
    recordFilter: () => undefined,
    manageMetadata: true,
    manageUsers: true,
  };
};
