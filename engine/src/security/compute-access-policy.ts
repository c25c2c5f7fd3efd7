import {
  type FilterNode,
  type PermissionSet,
  type Profile,
  parseFilter,
  type Role,
  type SharingAudience,
  type SharingRule,
} from "@tessera/metadata";
import type { CompiledMetadata } from "../registry/compiled-metadata.js";
import type { StoredRecord, TenantStore } from "../store/store-port.js";
import type { AccessMode, AccessPolicy, ObjectOperation } from "./access-policy.js";
import { effectivePermissions } from "./effective-permissions.js";
import { holdsGuard, mayWriteGuarded } from "./guarded-objects.js";
import { rolesBelow } from "./role-hierarchy.js";
import {
  groupIdsNamed,
  groupIdsOf,
  manualSharesOf,
  membersOfGroup,
  permissionSetsOf,
  usersWithRoles,
} from "./user-directory.js";

const NOTHING: FilterNode = { op: "not", child: { op: "true" } };
const MAX_PARENTS = 100_000;

const anyOf = (children: FilterNode[]): FilterNode =>
  children.length === 0
    ? NOTHING
    : children.length === 1
      ? (children[0] as FilterNode)
      : { op: "or", children };
const idsIn = (field: string, ids: readonly string[]): FilterNode =>
  ids.length === 0 ? NOTHING : { op: "in", field, values: [...new Set(ids)] };

/**
 * Computes what one user may do in one tenant and metadata version: object and field permissions
 * from their profile and permission sets (deny by default), and per object the records they may
 * see or change as a store filter: ownership, role hierarchy, sharing rules, manual shares and the
 * org-wide default. Filters are computed on first use and kept for the request.
 */
export const computeAccessPolicy = async (
  store: TenantStore,
  metadata: CompiledMetadata,
  user: StoredRecord,
): Promise<AccessPolicy> => {
  const docs = metadata.documents;
  const profile = docs.find((d): d is Profile => d.kind === "profile" && d.name === user.profile);
  const setNames = new Set(await permissionSetsOf(store, user.id));
  const sets = docs.filter((d): d is PermissionSet => d.kind === "permissionSet" && setNames.has(d.name));
  const perms = effectivePermissions([...(profile === undefined ? [] : [profile]), ...sets]);
  const roles = docs.filter((d): d is Role => d.kind === "role");
  const sharingRules = docs.filter((d): d is SharingRule => d.kind === "sharingRule");
  const userRole = typeof user.role === "string" ? user.role : undefined;
  const admin = perms.system.modifyAllData;
  const viewEverything = admin || perms.system.viewAllData;

  let groupIds: Promise<string[]> | undefined;
  const myGroupIds = () => {
    groupIds ??= groupIdsOf(store, user.id);
    return groupIds;
  };

  const can = (operation: ObjectOperation, object: string): boolean => {
    if (!metadata.objects.has(object)) return false;
    if (admin || (operation === "read" && viewEverything)) return true;
    if (operation !== "read" && !mayWriteGuarded(perms.system, object)) return false;
    return perms.objects.get(object)?.[operation] === true;
  };

  const fieldsWhere = (
    object: string,
    allowed: (grant: { read: boolean; edit: boolean }) => boolean,
    all: boolean,
  ) => {
    const compiled = metadata.objects.get(object);
    if (compiled === undefined) return new Set<string>();
    if (all) return new Set(compiled.fields.keys());
    const grants = perms.fields.get(object);
    return new Set(
      [...compiled.fields.keys()].filter((f) => {
        const grant = grants?.get(f);
        return grant !== undefined && allowed(grant);
      }),
    );
  };
  const readable = new Map<string, ReadonlySet<string>>();
  const editable = new Map<string, ReadonlySet<string>>();

  const inAudience = async (audience: SharingAudience): Promise<boolean> => {
    if (audience.type === "group") {
      const [mine, named] = await Promise.all([myGroupIds(), groupIdsNamed(store, [audience.name])]);
      return named.some((id) => mine.includes(id));
    }
    if (userRole === undefined) return false;
    return (
      userRole === audience.name ||
      (audience.type === "roleAndSubordinates" && rolesBelow(roles, audience.name).has(userRole))
    );
  };

  const usersOf = (audience: SharingAudience): Promise<string[]> => {
    if (audience.type === "group") return membersOfGroup(store, audience.name);
    const names =
      audience.type === "role" ? [audience.name] : [audience.name, ...rolesBelow(roles, audience.name)];
    return usersWithRoles(store, names);
  };

  const filters = new Map<string, Promise<FilterNode | undefined>>();

  const computeFilter = async (object: string, mode: AccessMode): Promise<FilterNode | undefined> => {
    const compiled = metadata.objects.get(object);
    if (compiled === undefined) return NOTHING;
    const grant = perms.objects.get(object);
    if (admin || grant?.modifyAll === true || holdsGuard(perms.system, object)) return undefined;
    if (mode === "read" && (viewEverything || grant?.viewAll === true)) return undefined;
    const model = compiled.definition.sharingModel;
    if (model === "publicReadWrite" && mode !== "delete") return undefined;
    if (model === "publicRead" && mode === "read") return undefined;
    if (model === "controlledByParent") {
      const master = [...compiled.fields.values()].find((f) => f.type === "masterDetail");
      if (master === undefined || master.type !== "masterDetail") return NOTHING;
      const parentFilter = await recordFilter(master.reference, mode === "read" ? "read" : "edit");
      if (parentFilter === undefined) return undefined;
      const parents = await store.findRecords(master.reference, {
        filter: parentFilter,
        sort: [],
        limit: MAX_PARENTS,
        fields: [],
      });
      return idsIn(
        master.name,
        parents.records.map((p) => p.id),
      );
    }
    // Private, or the write side of publicRead: the owner, the roles above the owner, then rules and shares.
    const subordinates =
      userRole === undefined ? [] : await usersWithRoles(store, [...rolesBelow(roles, userRole)]);
    const children: FilterNode[] = [idsIn("ownerId", [user.id, ...subordinates])];
    if (mode !== "delete") {
      for (const rule of sharingRules) {
        if (rule.object !== object || (mode === "edit" && rule.access !== "edit")) continue;
        if (!(await inAudience(rule.sharedWith))) continue;
        if (rule.type === "criteria") {
          const parsed = parseFilter(rule.criteria, compiled.filterField);
          if (parsed.ok) children.push(parsed.filter);
        } else {
          children.push(idsIn("ownerId", await usersOf(rule.ownedBy)));
        }
      }
      const shares = await manualSharesOf(store, object, user.id, await myGroupIds());
      const shared = shares.filter((s) => mode === "read" || s.access === "edit").map((s) => s.recordId);
      if (shared.length > 0) children.push(idsIn("id", shared));
    }
    return anyOf(children);
  };

  const recordFilter = (object: string, mode: AccessMode): Promise<FilterNode | undefined> => {
    const key = `${mode}:${object}`;
    let filter = filters.get(key);
    if (filter === undefined) {
      filter = computeFilter(object, mode);
      filters.set(key, filter);
    }
    return filter;
  };

  return {
    can,
    readableFields: (object) => {
      let fields = readable.get(object);
      if (fields === undefined) {
        fields = can("read", object) ? fieldsWhere(object, (g) => g.read, viewEverything) : new Set();
        readable.set(object, fields);
      }
      return fields;
    },
    editableFields: (object) => {
      let fields = editable.get(object);
      if (fields === undefined) {
        fields =
          can("edit", object) || can("create", object)
            ? fieldsWhere(object, (g) => g.edit, admin)
            : new Set();
        editable.set(object, fields);
      }
      return fields;
    },
    recordFilter,
    manageMetadata: perms.system.manageMetadata,
    manageUsers: perms.system.manageUsers || admin,
    system: perms.system,
  };
};
