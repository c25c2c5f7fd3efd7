import type { FilterNode } from "@tessera/metadata";
import type { SystemGrant } from "./effective-permissions.js";

export type ObjectOperation = "create" | "read" | "edit" | "delete";

/**
 * Which records an access filter is for: seeing them, changing them, or deleting them (deleting
 * needs ownership or the hierarchy above the owner, not just a share).
 */
export type AccessMode = "read" | "edit" | "delete";

/**
 * What one user may do, computed once per request from their profile, permission sets and role.
 * The record pipeline and the query layer consult nothing else: one permission evaluator inside
 * the data layer (SECURITY.md).
 */
export interface AccessPolicy {
  /** Object permission (create/read/edit/delete). */
  can(operation: ObjectOperation, object: string): boolean;
  /** Fields of `object` the user may read: every other field is invisible on every path. */
  readableFields(object: string): ReadonlySet<string>;
  /** Fields of `object` the user may write. */
  editableFields(object: string): ReadonlySet<string>;
  /**
   * Records of `object` the user may see, change or delete, as a store filter; `undefined` means
   * every record. Applied inside the query, so lists and counts never over-fetch.
   */
  recordFilter(object: string, mode: AccessMode): Promise<FilterNode | undefined>;
  readonly manageMetadata: boolean;
  readonly manageUsers: boolean;
  readonly system: SystemGrant;
}

/** The signed-in user, as the engine sees them. */
export interface Actor {
  userId: string;
  username: string;
  tenant: string;
}
