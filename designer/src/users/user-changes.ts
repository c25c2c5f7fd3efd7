import type { JsonValue } from "@tessera/metadata";
import type { Assignment, UserRecord } from "./user-records.js";

/** What the drawer edits of a user; an empty role or manager is none. */
export interface UserAccess {
  profile: string;
  role: string | undefined;
  manager: string | undefined;
  active: boolean;
  permissionSets: readonly string[];
}

/** The user's access as the drawer starts with it. */
export const accessOf = (user: UserRecord, assignments: readonly Assignment[]): UserAccess => ({
  profile: user.profile,
  role: user.role ?? undefined,
  manager: user.manager ?? undefined,
  active: user.active !== false,
  permissionSets: assignments.filter((a) => a.assignee === user.id).map((a) => a.permissionSet),
});

/** The PATCH body: only fields that changed, `null` clearing a role or manager. */
export const userPatch = (user: UserRecord, access: UserAccess): Record<string, JsonValue> => {
  const patch: Record<string, JsonValue> = {};
  if (access.profile !== user.profile) patch.profile = access.profile;
  if (access.role !== (user.role ?? undefined)) patch.role = access.role ?? null;
  if (access.manager !== (user.manager ?? undefined)) patch.manager = access.manager ?? null;
  if (access.active !== (user.active !== false)) patch.active = access.active;
  return patch;
};

/** The assignments to create and delete so the user holds exactly `wanted`. */
export const assignmentChanges = (
  assignments: readonly Assignment[],
  userId: string,
  wanted: readonly string[],
): { add: string[]; remove: Assignment[] } => {
  const held = assignments.filter((a) => a.assignee === userId);
  const heldNames = new Set(held.map((a) => a.permissionSet));
  return {
    add: [...new Set(wanted)].filter((name) => !heldNames.has(name)),
    // A set held twice (two assignment records) keeps one.
    remove: held.filter(
      (a, i) =>
        !wanted.includes(a.permissionSet) || held.findIndex((b) => b.permissionSet === a.permissionSet) !== i,
    ),
  };
};

/** The POST /api/v1/users body of a new user: their fields plus the first password. */
export const newUserBody = (
  identity: { username: string; name: string; email: string; password: string },
  access: UserAccess,
): Record<string, JsonValue> => ({
  username: identity.username.trim(),
  name: identity.name.trim(),
  email: identity.email.trim(),
  password: identity.password,
  profile: access.profile,
  ...(access.role !== undefined && { role: access.role }),
  ...(access.manager !== undefined && { manager: access.manager }),
  active: access.active,
});
