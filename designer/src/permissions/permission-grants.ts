import { type PermissionGrants, pointer } from "@tessera/metadata";
import {
  type FieldPermission,
  type ObjectPermission,
  type SystemPermission,
  setFieldPermission,
  setObjectPermission,
  setSystemPermission,
} from "./permission-implications.js";

/** A permission set or profile: both hold the same grants. */
type Grants = PermissionGrants;

/** Whether the document grants `key` on `object`. */
export const hasObjectPermission = (doc: Grants, object: string, key: ObjectPermission): boolean =>
  doc.objects?.[object]?.[key] === true;

export const hasFieldPermission = (
  doc: Grants,
  object: string,
  field: string,
  key: FieldPermission,
): boolean => doc.fields?.[object]?.[field]?.[key] === true;

export const hasSystemPermission = (doc: Grants, key: SystemPermission): boolean =>
  doc.system?.[key] === true;

/** `record` without `key` when `value` is empty, else with it; the same record when nothing changes. */
const withEntry = <V>(
  record: Readonly<Record<string, V>> | undefined,
  key: string,
  value: V,
  empty: boolean,
): Record<string, V> | undefined => {
  const { [key]: _dropped, ...rest } = record ?? {};
  const next = empty ? rest : { ...rest, [key]: value };
  return Object.keys(next).length === 0 ? undefined : next;
};

/** `doc` with `property` set, or removed when `value` is undefined. */
const withProperty = <D extends Grants, P extends keyof Grants>(
  doc: D,
  property: P,
  value: Grants[P] | undefined,
): D => {
  const { [property]: _dropped, ...rest } = doc;
  return (value === undefined ? rest : { ...rest, [property]: value }) as D;
};

/**
 * The document with `key` on `object` ticked or unticked, with the permissions it implies
 * (permission-implications.ts). An object left with no permission is removed from `objects`, and
 * an empty `objects` from the document: deny by default makes both mean the same.
 */
export const withObjectPermission = <D extends Grants>(
  doc: D,
  object: string,
  key: ObjectPermission,
  on: boolean,
): D => {
  const flags = setObjectPermission(doc.objects?.[object] ?? {}, key, on);
  return withProperty(doc, "objects", withEntry(doc.objects, object, flags, Object.keys(flags).length === 0));
};

export const withFieldPermission = <D extends Grants>(
  doc: D,
  object: string,
  field: string,
  key: FieldPermission,
  on: boolean,
): D => {
  const ofObject = doc.fields?.[object];
  const flags = setFieldPermission(ofObject?.[field] ?? {}, key, on);
  const fields = withEntry(ofObject, field, flags, Object.keys(flags).length === 0);
  return withProperty(doc, "fields", withEntry(doc.fields, object, fields ?? {}, fields === undefined));
};

export const withSystemPermission = <D extends Grants>(doc: D, key: SystemPermission, on: boolean): D => {
  const flags = setSystemPermission(doc.system ?? {}, key, on);
  return withProperty(doc, "system", Object.keys(flags).length === 0 ? undefined : flags);
};

/** The same permission ticked or unticked on every one of `objects` (a column's "all" box). */
export const withObjectPermissionOnAll = <D extends Grants>(
  doc: D,
  objects: readonly string[],
  key: ObjectPermission,
  on: boolean,
): D => objects.reduce((current, object) => withObjectPermission(current, object, key, on), doc);

export const withFieldPermissionOnAll = <D extends Grants>(
  doc: D,
  object: string,
  fields: readonly string[],
  key: FieldPermission,
  on: boolean,
): D => fields.reduce((current, field) => withFieldPermission(current, object, field, key, on), doc);

/** Where the engine reports a problem with one cell (JSON pointers into the document). */
export const objectPermissionPointer = (object: string, key: ObjectPermission) =>
  pointer("objects", object, key);
export const fieldPermissionPointer = (object: string, field: string, key: FieldPermission) =>
  pointer("fields", object, field, key);
export const systemPermissionPointer = (key: SystemPermission) => pointer("system", key);
