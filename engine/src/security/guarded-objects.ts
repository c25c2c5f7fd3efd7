import type { SystemGrant } from "./effective-permissions.js";

/**
 * Objects whose records decide who may see or do what: writing them needs a system permission
 * whatever the object grants say, or a grant on `groupMember` or `permissionSetAssignment` would let
 * a user give themselves more access.
 */
const GUARDED = new Map<string, keyof SystemGrant>([
  ["user", "manageUsers"],
  ["group", "manageUsers"],
  ["groupMember", "manageUsers"],
  ["permissionSetAssignment", "manageUsers"],
  ["recordShare", "manageSharing"],
]);

/** Whether `system` allows writing records of `object` (administrators may write everything). */
export const mayWriteGuarded = (system: SystemGrant, object: string): boolean => {
  const needed = GUARDED.get(object);
  return needed === undefined || system.modifyAllData || system[needed];
};

/**
 * Whether the user holds the system permission that guards `object`: they manage every record of
 * it (a user administrator deactivates users and fills groups whoever created them).
 */
export const holdsGuard = (system: SystemGrant, object: string): boolean => {
  const needed = GUARDED.get(object);
  return needed !== undefined && system[needed];
};
