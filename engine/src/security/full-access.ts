import { ALL_SYSTEM_PERMISSIONS } from "@tessera/metadata";
import type { CompiledMetadata } from "../registry/compiled-metadata.js";
import type { AccessPolicy } from "./access-policy.js";

/**
 * Every object, field and record. This is the explicit, named system-mode bypass (SECURITY.md):
 * used to seed a new tenant and by platform operations, never for a signed-in user's request.
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
    recordFilter: async () => undefined,
    manageMetadata: true,
    manageUsers: true,
    system: ALL_SYSTEM_PERMISSIONS,
  };
};
