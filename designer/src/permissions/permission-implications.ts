import type { FieldPermissions, ObjectPermissions, SystemPermissions } from "@tessera/metadata";

export type ObjectPermission = keyof ObjectPermissions;
export type FieldPermission = keyof FieldPermissions;
export type SystemPermission = keyof SystemPermissions;

/** The matrix's columns, in Salesforce's order. */
export const OBJECT_PERMISSIONS: readonly ObjectPermission[] = [
  "create",
  "read",
  "edit",
  "delete",
  "viewAll",
  "modifyAll",
];
export const FIELD_PERMISSIONS: readonly FieldPermission[] = ["read", "edit"];
export const SYSTEM_PERMISSIONS: readonly SystemPermission[] = [
  "viewAllData",
  "modifyAllData",
  "manageMetadata",
  "manageUsers",
  "manageSharing",
  "apiEnabled",
];

/**
 * What each permission needs, as the metadata refuses a grant without it (permission-set.ts):
 * ticking a box ticks what it needs, unticking one unticks what needs it, so the matrix can never
 * hold a combination the engine would refuse.
 */
const OBJECT_NEEDS: Readonly<Record<ObjectPermission, readonly ObjectPermission[]>> = {
  create: ["read"],
  read: [],
  edit: ["read"],
  delete: ["edit", "read"],
  viewAll: ["read"],
  modifyAll: ["viewAll", "edit", "delete", "read"],
};
const FIELD_NEEDS: Readonly<Record<FieldPermission, readonly FieldPermission[]>> = {
  read: [],
  edit: ["read"],
};
const SYSTEM_NEEDS: Readonly<Record<SystemPermission, readonly SystemPermission[]>> = {
  viewAllData: [],
  modifyAllData: ["viewAllData"],
  manageMetadata: [],
  manageUsers: [],
  manageSharing: [],
  apiEnabled: [],
};

/** `key` and everything it needs, transitively. */
const closure = <K extends string>(needs: Readonly<Record<K, readonly K[]>>, key: K): Set<K> => {
  const found = new Set<K>([key]);
  for (const next of needs[key]) for (const k of closure(needs, next)) found.add(k);
  return found;
};

/** `key` and everything that needs it, transitively. */
const dependants = <K extends string>(needs: Readonly<Record<K, readonly K[]>>, key: K): Set<K> =>
  new Set((Object.keys(needs) as K[]).filter((k) => closure(needs, k).has(key)));

/**
 * The flags with `key` ticked (with what it needs) or unticked (with what needs it). The result
 * holds only ticked flags: an absent flag is false, so a fully unticked set is `{}`.
 */
const setFlag = <K extends string>(
  needs: Readonly<Record<K, readonly K[]>>,
  flags: Partial<Record<K, boolean>>,
  key: K,
  on: boolean,
): Partial<Record<K, boolean>> => {
  const changed = on ? closure(needs, key) : dependants(needs, key);
  const result: Partial<Record<K, boolean>> = {};
  for (const k of Object.keys(needs) as K[]) {
    const ticked = changed.has(k) ? on : flags[k] === true;
    if (ticked) result[k] = true;
  }
  return result;
};

export const setObjectPermission = (
  flags: ObjectPermissions,
  key: ObjectPermission,
  on: boolean,
): ObjectPermissions => setFlag(OBJECT_NEEDS, flags, key, on);

export const setFieldPermission = (
  flags: FieldPermissions,
  key: FieldPermission,
  on: boolean,
): FieldPermissions => setFlag(FIELD_NEEDS, flags, key, on);

export const setSystemPermission = (
  flags: SystemPermissions,
  key: SystemPermission,
  on: boolean,
): SystemPermissions => setFlag(SYSTEM_NEEDS, flags, key, on);
