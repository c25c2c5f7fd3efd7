import type { Role } from "@tessera/metadata";

/** One role with the roles that report to it. */
export interface RoleNode {
  role: Role;
  children: RoleNode[];
}

/** `name` and every role below it. */
export const subtreeOf = (roles: readonly Role[], name: string): Set<string> => {
  const found = new Set([name]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const role of roles) {
      if (role.parent !== undefined && found.has(role.parent) && !found.has(role.name)) {
        found.add(role.name);
        grew = true;
      }
    }
  }
  return found;
};

/**
 * The hierarchy as a forest, children in the order given. A role whose parent is missing is shown
 * at the top, and so is a role caught in a loop (which the engine refuses to publish), so that
 * every role stays reachable and can be moved out of the loop.
 */
export const roleForest = (roles: readonly Role[]): RoleNode[] => {
  const names = new Set(roles.map((r) => r.name));
  const placed = new Set<string>();
  const build = (role: Role): RoleNode => {
    placed.add(role.name);
    return {
      role,
      children: roles.filter((r) => r.parent === role.name && !placed.has(r.name)).map(build),
    };
  };
  const forest = roles.filter((r) => r.parent === undefined || !names.has(r.parent)).map(build);
  for (const role of roles) if (!placed.has(role.name)) forest.push(build(role));
  return forest;
};

export type Reparenting =
  | { ok: true; role: Role }
  | { ok: false; reason: "unknownRole" | "unknownParent" | "unchanged" | "cycle" };

/**
 * `name` moved under `parent` (undefined: to the top). Refused when the parent is the role itself
 * or one of the roles below it: the hierarchy would loop.
 */
export const reparentRole = (
  roles: readonly Role[],
  name: string,
  parent: string | undefined,
): Reparenting => {
  const role = roles.find((r) => r.name === name);
  if (role === undefined) return { ok: false, reason: "unknownRole" };
  if (parent !== undefined && !roles.some((r) => r.name === parent))
    return { ok: false, reason: "unknownParent" };
  if (role.parent === parent) return { ok: false, reason: "unchanged" };
  if (parent !== undefined && subtreeOf(roles, name).has(parent)) return { ok: false, reason: "cycle" };
  const { parent: _old, ...rest } = role;
  return { ok: true, role: parent === undefined ? rest : { ...rest, parent } };
};

/** Ids of the drag-and-drop: a role's handle, a role's row as a target, and the top of the tree. */
export const DRAG_PREFIX = "role:";
export const DROP_PREFIX = "under:";
export const TOP_DROP_ID = "top";
export const dragId = (name: string) => `${DRAG_PREFIX}${name}`;
export const dropId = (name: string) => `${DROP_PREFIX}${name}`;

/**
 * What dropping the dragged `active` id on the `over` id means. `undefined` when the drop is
 * not a move (dropped nowhere, or on an unknown target).
 */
export const dropRole = (
  roles: readonly Role[],
  active: string,
  over: string | undefined,
): (Reparenting & { name: string; parent: string | undefined }) | undefined => {
  if (over === undefined || !active.startsWith(DRAG_PREFIX)) return undefined;
  const name = active.slice(DRAG_PREFIX.length);
  let parent: string | undefined;
  if (over === TOP_DROP_ID) parent = undefined;
  else if (over.startsWith(DROP_PREFIX)) parent = over.slice(DROP_PREFIX.length);
  else return undefined;
  // A role let go over its own row did not move.
  if (parent === name) return undefined;
  return { ...reparentRole(roles, name, parent), name, parent };
};
