import type { SystemField } from "../fields/field-base.js";
import { descriptorOf } from "../fields/registry.js";
import { USER_OBJECT } from "../fields/types/user.js";
import type { ObjectDefinition } from "./object.js";

/**
 * Types of the system fields metadata may read (place on a layout, sort by, filter on).
 * `tenant` is absent: it never leaves the engine.
 */
const READABLE_SYSTEM_FIELDS: Readonly<Record<Exclude<SystemField, "tenant">, string>> = {
  id: "text",
  version: "number",
  ownerId: "user",
  createdAt: "datetime",
  createdBy: "user",
  updatedAt: "datetime",
  updatedBy: "user",
};

type DeclaredField = ObjectDefinition["fields"][number];

/** A field declared in the object's `fields` (system fields are not declared). */
export const declaredField = (object: ObjectDefinition, name: string): DeclaredField | undefined =>
  object.fields.find((field) => field.name === name);

/** The type of a declared field or of a readable system field; undefined when there is none. */
export const fieldTypeOf = (object: ObjectDefinition, name: string): string | undefined => {
  const field = declaredField(object, name);
  if (field !== undefined) return field.type;
  return Object.hasOwn(READABLE_SYSTEM_FIELDS, name)
    ? READABLE_SYSTEM_FIELDS[name as keyof typeof READABLE_SYSTEM_FIELDS]
    : undefined;
};

/** Whether metadata may read `name` on records of `object`: a declared or readable system field. */
export const isReadableField = (object: ObjectDefinition, name: string): boolean =>
  fieldTypeOf(object, name) !== undefined;

/** The object a lookup or master-detail field points to. */
export const referenceOf = (field: DeclaredField): string | undefined =>
  "reference" in field && typeof field.reference === "string" ? field.reference : undefined;

/** A field holding a user: a `user` field, a lookup to the user object, or ownerId/createdBy/updatedBy. */
export const isUserField = (object: ObjectDefinition, name: string): boolean => {
  const field = declaredField(object, name);
  if (field === undefined) return fieldTypeOf(object, name) === "user";
  return field.type === "user" || (field.type === "lookup" && referenceOf(field) === USER_OBJECT);
};

export const isDateField = (object: ObjectDefinition, name: string): boolean => {
  const type = fieldTypeOf(object, name);
  return type === "date" || type === "datetime";
};

/** A lookup or master-detail field of `child` that points to `parent`. */
export const isRelationshipTo = (child: ObjectDefinition, name: string, parent: string): boolean => {
  const field = declaredField(child, name);
  return (
    field !== undefined &&
    (field.type === "lookup" || field.type === "masterDetail") &&
    referenceOf(field) === parent
  );
};

/** A declared field users and actions may write: not a system, generated or computed field. */
export const isWritableField = (object: ObjectDefinition, name: string): boolean => {
  const field = declaredField(object, name);
  return field !== undefined && descriptorOf(field).source === "input";
};

/** A declared field that must have a value on create and that nothing fills in by itself. */
export const needsValueOnCreate = (field: DeclaredField): boolean =>
  descriptorOf(field).source === "input" &&
  (field.type === "masterDetail" || ("required" in field && field.required === true)) &&
  !("default" in field && field.default !== undefined);
