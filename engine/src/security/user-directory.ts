import type { FilterNode } from "@tessera/metadata";
import type { StoredRecord, TenantStore } from "../store/store-port.js";

// Directory look-ups read users, groups, assignments and shares in system mode: they compute who
// may see what, so they cannot themselves be limited by it.
const MAX = 100_000;

const find = async (
  store: TenantStore,
  object: string,
  filter: FilterNode,
  fields?: string[],
): Promise<StoredRecord[]> =>
  (await store.findRecords(object, { filter, sort: [], limit: MAX, ...(fields !== undefined && { fields }) }))
    .records;

const eq = (field: string, value: string): FilterNode => ({ op: "compare", field, operator: "==", value });
const oneOf = (field: string, values: readonly string[]): FilterNode =>
  values.length === 0 ? { op: "not", child: { op: "true" } } : { op: "in", field, values: [...values] };

/** Ids of active users holding one of `roles`. */
export const usersWithRoles = async (store: TenantStore, roles: readonly string[]): Promise<string[]> =>
  (await find(store, "user", oneOf("role", roles), ["role"])).map((u) => u.id);

/** Ids of the groups `userId` belongs to. */
export const groupIdsOf = async (store: TenantStore, userId: string): Promise<string[]> =>
  (await find(store, "groupMember", eq("member", userId), ["group"])).map((m) => String(m.group));

/** Ids of the members of the group named `name`. */
export const membersOfGroup = async (store: TenantStore, name: string): Promise<string[]> => {
  const groups = await find(store, "group", eq("name", name), ["name"]);
  const ids = groups.map((g) => g.id);
  return ids.length === 0
    ? []
    : (await find(store, "groupMember", oneOf("group", ids), ["member"])).map((m) => String(m.member));
};

/** The group record ids named `names`. */
export const groupIdsNamed = async (store: TenantStore, names: readonly string[]): Promise<string[]> =>
  (await find(store, "group", oneOf("name", names), ["name"])).map((g) => g.id);

/** Names of the permission sets assigned to `userId`. */
export const permissionSetsOf = async (store: TenantStore, userId: string): Promise<string[]> =>
  (await find(store, "permissionSetAssignment", eq("assignee", userId), ["permissionSet"])).map((a) =>
    String(a.permissionSet),
  );

/** Records of `object` shared by hand with the user or one of their groups, with the access given. */
export const manualSharesOf = async (
  store: TenantStore,
  object: string,
  userId: string,
  groupIds: readonly string[],
): Promise<Array<{ recordId: string; access: "read" | "edit" }>> => {
  const audience: FilterNode = {
    op: "or",
    children: [eq("sharedWithUser", userId), oneOf("sharedWithGroup", groupIds)],
  };
  const shares = await find(
    store,
    "recordShare",
    { op: "and", children: [eq("sharedObject", object), audience] },
    ["sharedRecord", "access"],
  );
  return shares.map((s) => ({
    recordId: String(s.sharedRecord),
    access: s.access === "edit" ? "edit" : "read",
  }));
};

/** Of `ids`, the users that exist and are active, each once, in the order given. */
export const activeUsersAmong = async (store: TenantStore, ids: readonly string[]): Promise<string[]> => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const active = new Set(
    (await store.getRecords("user", unique)).filter((u) => u.active !== false).map((u) => u.id),
  );
  return unique.filter((id) => active.has(id));
};

/** The id of the active user named `username`, if any. */
export const activeUserNamed = async (store: TenantStore, username: string): Promise<string | undefined> => {
  const page = await store.findRecords("user", {
    filter: eq("username", username),
    sort: [],
    limit: 1,
    fields: ["active"],
  });
  const user = page.records[0];
  return user === undefined || user.active === false ? undefined : user.id;
};
