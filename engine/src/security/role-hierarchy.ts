import type { Role } from "@tessera/metadata";

/**
 * Every role below `role` in the hierarchy (children, their children, ...), not the role itself.
 * Published metadata has no cycles (validation refuses them); the visited set guards anyway.
 */
export const rolesBelow = (roles: readonly Role[], role: string): Set<string> => {
  const children = new Map<string, string[]>();
  for (const r of roles)
    if (r.parent !== undefined) children.set(r.parent, [...(children.get(r.parent) ?? []), r.name]);
  const below = new Set<string>();
  const queue = [...(children.get(role) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (below.has(next) || next === role) continue;
    below.add(next);
    queue.push(...(children.get(next) ?? []));
  }
  return below;
};
