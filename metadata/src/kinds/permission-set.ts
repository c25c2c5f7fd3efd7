import { type Static, Type } from "@sinclair/typebox";
import { NAME_PATTERN } from "../fields/field-base.js";
import { LocalizedTextSchema } from "../i18n/localized-text.js";
import type { CheckContext, SemanticCheck } from "../validate/check-context.js";
import { issueCollector, keyedRecord, NameSchema, type Report } from "./common.js";
import { declaredField } from "./object-fields.js";

const flag = () => Type.Optional(Type.Boolean());

/** Object permissions; an absent flag is false (deny by default). */
export const ObjectPermissionsSchema = Type.Object(
  {
    create: flag(),
    read: flag(),
    edit: flag(),
    delete: flag(),
    /** Read every record of the object, whatever the sharing settings. */
    viewAll: flag(),
    /** Read, edit and delete every record of the object, whatever the sharing settings. */
    modifyAll: flag(),
  },
  { additionalProperties: false },
);
export type ObjectPermissions = Static<typeof ObjectPermissionsSchema>;

export const FieldPermissionsSchema = Type.Object(
  { read: flag(), edit: flag() },
  { additionalProperties: false },
);
export type FieldPermissions = Static<typeof FieldPermissionsSchema>;

export const SystemPermissionsSchema = Type.Object(
  {
    /** Edit every record of every object, bypassing sharing: the administrator's power. */
    modifyAllData: flag(),
    viewAllData: flag(),
    /** Edit drafts and publish metadata. */
    manageMetadata: flag(),
    manageUsers: flag(),
    /** Manage sharing rules and manual shares of records the user does not own. */
    manageSharing: flag(),
    apiEnabled: flag(),
  },
  { additionalProperties: false },
);
export type SystemPermissions = Static<typeof SystemPermissionsSchema>;

/** The permission grants a profile and a permission set share; a user holds their union. */
export const permissionProperties = {
  objects: Type.Optional(keyedRecord(NAME_PATTERN, ObjectPermissionsSchema)),
  /** Field permissions by object, then field: `{"invoice": {"amount": {"read": true}}}` (no dotted keys). */
  fields: Type.Optional(keyedRecord(NAME_PATTERN, keyedRecord(NAME_PATTERN, FieldPermissionsSchema))),
  system: Type.Optional(SystemPermissionsSchema),
};

export const PermissionSetSchema = Type.Object(
  {
    kind: Type.Literal("permissionSet"),
    name: NameSchema,
    label: LocalizedTextSchema,
    description: Type.Optional(LocalizedTextSchema),
    ...permissionProperties,
  },
  { additionalProperties: false },
);
export type PermissionSet = Static<typeof PermissionSetSchema>;

/** What a profile or permission set grants; a user holds the union of their profile and sets. */
export type PermissionGrants = Pick<PermissionSet, "objects" | "fields" | "system">;

/** `[permission, what it needs]`: a grant without its prerequisite is refused, as Salesforce does. */
const OBJECT_PREREQUISITES: ReadonlyArray<readonly [keyof ObjectPermissions, keyof ObjectPermissions]> = [
  ["create", "read"],
  ["edit", "read"],
  ["delete", "read"],
  ["delete", "edit"],
  ["viewAll", "read"],
  ["modifyAll", "viewAll"],
  ["modifyAll", "edit"],
  ["modifyAll", "delete"],
];

const SYSTEM_PREREQUISITES: ReadonlyArray<readonly [keyof SystemPermissions, keyof SystemPermissions]> = [
  ["modifyAllData", "viewAllData"],
];

const checkObjects = (grants: PermissionGrants, prefix: string, ctx: CheckContext, report: Report): void => {
  for (const [name, permissions] of Object.entries(grants.objects ?? {})) {
    if (!ctx.objects.has(name)) {
      report(["objects", name], `${prefix}.unknownObject`, `Object "${name}" does not exist.`);
    }
    for (const [permission, needed] of OBJECT_PREREQUISITES) {
      if (permissions[permission] === true && permissions[needed] !== true) {
        report(
          ["objects", name, permission],
          `${prefix}.inconsistent`,
          `"${permission}" on "${name}" also needs "${needed}".`,
        );
      }
    }
  }
};

const checkFields = (grants: PermissionGrants, prefix: string, ctx: CheckContext, report: Report): void => {
  for (const [objectName, fields] of Object.entries(grants.fields ?? {})) {
    const object = ctx.objects.get(objectName);
    if (object === undefined) {
      report(["fields", objectName], `${prefix}.unknownObject`, `Object "${objectName}" does not exist.`);
    }
    for (const [fieldName, permissions] of Object.entries(fields)) {
      // System fields are absent on purpose: the engine fixes their access for everyone.
      if (object !== undefined && declaredField(object, fieldName) === undefined) {
        report(
          ["fields", objectName, fieldName],
          `${prefix}.unknownField`,
          `Object "${objectName}" has no field "${fieldName}".`,
        );
      }
      if (permissions.edit === true && permissions.read !== true) {
        report(
          ["fields", objectName, fieldName, "edit"],
          `${prefix}.inconsistent`,
          `"edit" on "${objectName}.${fieldName}" also needs "read".`,
        );
      }
    }
  }
};

/**
 * The checks a profile and a permission set share; codes are `<prefix>.unknownObject`,
 * `<prefix>.unknownField` and `<prefix>.inconsistent`.
 */
export const checkPermissionGrants = (
  grants: PermissionGrants,
  prefix: "permissionSet" | "profile",
  ctx: CheckContext,
  report: Report,
): void => {
  checkObjects(grants, prefix, ctx, report);
  checkFields(grants, prefix, ctx, report);
  for (const [permission, needed] of SYSTEM_PREREQUISITES) {
    if (grants.system?.[permission] === true && grants.system[needed] !== true) {
      report(["system", permission], `${prefix}.inconsistent`, `"${permission}" also needs "${needed}".`);
    }
  }
};

/** Expressions: none. */
export const checkPermissionSet: SemanticCheck<PermissionSet> = (doc, ctx) => {
  const { issues, report } = issueCollector(doc);
  checkPermissionGrants(doc, "permissionSet", ctx, report);
  return issues;
};
