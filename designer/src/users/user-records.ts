import type { JsonValue } from "@tessera/metadata";
import { api, get } from "@tessera/runtime";

/** A user as the records API returns it (fields of the standard `user` object). */
export interface UserRecord {
  id: string;
  version: number;
  username: string;
  name: string;
  email?: string;
  profile: string;
  role?: string | null;
  manager?: string | null;
  active?: boolean;
}

/** One permission set given to one user (a record of `permissionSetAssignment`). */
export interface Assignment {
  id: string;
  version: number;
  assignee: string;
  permissionSet: string;
}

interface Page<T> {
  records: T[];
  nextCursor: string | null;
}

const records = (object: string) => `/api/v1/records/${object}`;

/** Every record of a list, following `nextCursor` page by page. */
export const loadEvery = async <T>(object: string, query: string): Promise<T[]> => {
  const found: T[] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`;
    const page: Page<T> = await get<Page<T>>(`${records(object)}?${query}${suffix}`);
    found.push(...page.records);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return found;
};

export const loadUsers = () => loadEvery<UserRecord>("user", "limit=200&sort=name");
export const loadAssignments = () => loadEvery<Assignment>("permissionSetAssignment", "limit=200");
export const loadUser = (id: string) => get<UserRecord>(`${records("user")}/${encodeURIComponent(id)}`);

/** Changes a user as read at `version`; someone else's change since answers 409. */
export const updateUser = (user: UserRecord, changes: Record<string, JsonValue>) =>
  api<UserRecord>("PATCH", `${records("user")}/${encodeURIComponent(user.id)}`, {
    body: changes,
    headers: { "if-match": String(user.version) },
  });

/** Creates a user with their first password (stored by the engine only as a hash). */
export const createUser = (body: Record<string, JsonValue>) =>
  api<UserRecord>("POST", "/api/v1/users", { body });

export const assignPermissionSet = (assignee: string, permissionSet: string) =>
  api<Assignment>("POST", records("permissionSetAssignment"), { body: { assignee, permissionSet } });

export const unassignPermissionSet = (assignment: Assignment) =>
  api<void>("DELETE", `${records("permissionSetAssignment")}/${encodeURIComponent(assignment.id)}`, {
    headers: { "if-match": String(assignment.version) },
  });
