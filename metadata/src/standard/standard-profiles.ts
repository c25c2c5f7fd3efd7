import type { FieldPermissions, ObjectPermissions, SystemPermissions } from "../kinds/permission-set.js";
import type { Profile } from "../kinds/profile.js";
import { standardObjects } from "./standard-objects.js";

/** Every system permission: the system administrator's, and what system mode acts with. */
export const ALL_SYSTEM_PERMISSIONS: Required<SystemPermissions> = {
  modifyAllData: true,
  viewAllData: true,
  manageMetadata: true,
  manageUsers: true,
  manageSharing: true,
  apiEnabled: true,
};

const ALL: Required<ObjectPermissions> = {
  create: true,
  read: true,
  edit: true,
  delete: true,
  viewAll: true,
  modifyAll: true,
};
const WORK: ObjectPermissions = { create: true, read: true, edit: true, delete: true };
const READ: ObjectPermissions = { read: true };

/** What a standard user may do per standard object: work with CRM records, read the directory. */
const STANDARD_USER_ACCESS: Readonly<Record<string, ObjectPermissions>> = {
  account: WORK,
  contact: WORK,
  lead: WORK,
  opportunity: WORK,
  product: READ,
  quote: WORK,
  quoteLine: WORK,
  case: WORK,
  task: WORK,
  user: READ,
  group: READ,
  groupMember: READ,
};

const fieldsOf = (
  objects: readonly string[],
  edit: boolean,
): Record<string, Record<string, FieldPermissions>> =>
  Object.fromEntries(
    objects.map((name) => {
      const object = standardObjects.find((o) => o.name === name);
      return [name, Object.fromEntries((object?.fields ?? []).map((f) => [f.name, { read: true, edit }]))];
    }),
  );

/**
 * The profiles every tenant starts with. `systemAdministrator` may do everything (including
 * metadata, users and sharing); `standardUser` works with CRM records under record sharing and
 * reads the user directory. Tenants add their own profiles and permission sets.
 */
export const standardProfiles: readonly Profile[] = [
  {
    kind: "profile",
    name: "systemAdministrator",
    label: { en: "System administrator", "zh-CN": "系统管理员" },
    objects: Object.fromEntries(standardObjects.map((o) => [o.name, ALL])),
    fields: fieldsOf(
      standardObjects.map((o) => o.name),
      true,
    ),
    system: { ...ALL_SYSTEM_PERMISSIONS },
  },
  {
    kind: "profile",
    name: "standardUser",
    label: { en: "Standard user", "zh-CN": "标准用户" },
    objects: { ...STANDARD_USER_ACCESS },
    fields: {
      ...fieldsOf(
        Object.keys(STANDARD_USER_ACCESS).filter((o) => STANDARD_USER_ACCESS[o]?.edit === true),
        true,
      ),
      ...fieldsOf(["product", "user", "group", "groupMember"], false),
    },
    system: { apiEnabled: true },
  },
];
