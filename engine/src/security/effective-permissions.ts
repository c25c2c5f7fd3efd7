import type { PermissionGrants } from "@tessera/metadata";

export interface ObjectGrant {
  create: boolean;
  read: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

export interface SystemGrant {
  modifyAllData: boolean;
  viewAllData: boolean;
  manageMetadata: boolean;
  manageUsers: boolean;
  manageSharing: boolean;
  apiEnabled: boolean;
}

/** The union of a user's profile and permission sets: what they may do, before record sharing. */
export interface EffectivePermissions {
  readonly objects: ReadonlyMap<string, ObjectGrant>;
  readonly fields: ReadonlyMap<string, ReadonlyMap<string, { read: boolean; edit: boolean }>>;
  readonly system: SystemGrant;
}

const NONE: ObjectGrant = {
  create: false,
  read: false,
  edit: false,
  delete: false,
  viewAll: false,
  modifyAll: false,
};

/**
 * Unions grants: a permission is held when any grant holds it; nothing is held by default. A grant
 * is only effective with its prerequisites (edit needs read, modifyAll needs viewAll, ...), which
 * validation already demands of each document; the union keeps them by construction.
 */
export const effectivePermissions = (grants: readonly PermissionGrants[]): EffectivePermissions => {
  const objects = new Map<string, ObjectGrant>();
  const fields = new Map<string, Map<string, { read: boolean; edit: boolean }>>();
  const system: SystemGrant = {
    modifyAllData: false,
    viewAllData: false,
    manageMetadata: false,
    manageUsers: false,
    manageSharing: false,
    apiEnabled: false,
  };
  for (const grant of grants) {
    for (const [object, p] of Object.entries(grant.objects ?? {})) {
      const current = objects.get(object) ?? { ...NONE };
      for (const key of Object.keys(NONE) as Array<keyof ObjectGrant>) current[key] ||= p[key] === true;
      objects.set(object, current);
    }
    for (const [object, byField] of Object.entries(grant.fields ?? {})) {
      const current = fields.get(object) ?? new Map<string, { read: boolean; edit: boolean }>();
      for (const [field, p] of Object.entries(byField)) {
        const was = current.get(field) ?? { read: false, edit: false };
        current.set(field, {
          read: was.read || p.read === true,
          edit: was.edit || (p.edit === true && p.read === true),
        });
      }
      fields.set(object, current);
    }
    for (const key of Object.keys(system) as Array<keyof SystemGrant>)
      system[key] ||= grant.system?.[key] === true;
  }
  return { objects, fields, system };
};
