import { customFieldType } from "../fields/custom-field-types.js";
import { fieldTypes, isFieldType } from "../fields/registry.js";
import type { ObjectDefinition } from "../kinds/object.js";
import { declaredField, fieldTypeOf } from "../kinds/object-fields.js";

/**
 * System fields reports and duplicate rules may name. `id` and `version` are absent: every record
 * has its own, so grouping, summarising or comparing them says nothing.
 */
export const ANALYSABLE_SYSTEM_FIELDS = [
  "ownerId",
  "createdAt",
  "createdBy",
  "updatedAt",
  "updatedBy",
] as const;

/**
 * The field type whose values a field holds: a formula's return type, `number` for a roll-up
 * summary, a registered custom field's base type (`text`, `number`, `boolean`); else the field's own
 * type (`user` for ownerId, createdBy, updatedBy; `datetime` for createdAt, updatedAt). Undefined for
 * a name the object has no such field for, including `id`, `version` and `tenant`.
 */
export const valueTypeOf = (object: ObjectDefinition, name: string): string | undefined => {
  const field = declaredField(object, name);
  if (field === undefined) {
    return (ANALYSABLE_SYSTEM_FIELDS as readonly string[]).includes(name)
      ? fieldTypeOf(object, name)
      : undefined;
  }
  switch (field.type) {
    case "formula":
      return field.returnType;
    case "rollupSummary":
      return "number";
    case "custom":
      return customFieldType(field.customType)?.base ?? "custom";
    default:
      return field.type;
  }
};

/** A field type's English name for messages ("Long text", "Checkbox"); system fields read as their type. */
export const valueTypeLabel = (type: string): string =>
  isFieldType(type) ? fieldTypes[type].label.en.toLowerCase() : type;
