import { type Static, Type } from "@sinclair/typebox";
import { defineFieldSchema, requiredProperty } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { REFERENCE_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";
import { coerceRecordId, recordIdSchema, referenceProperties } from "../record-reference.js";

export const LOOKUP_ON_DELETE = ["setNull", "restrict"] as const;
export type LookupOnDelete = (typeof LOOKUP_ON_DELETE)[number];

const lookupOptions = {
  ...requiredProperty,
  ...referenceProperties,
  /** What deleting the referenced record does: clear this field (default) or refuse the delete. */
  onDelete: Type.Optional(Type.Union(LOOKUP_ON_DELETE.map((action) => Type.Literal(action)))),
};

export const lookupFieldSchema = defineFieldSchema("lookup", lookupOptions);
export type LookupField = Static<typeof lookupFieldSchema>;

/** What deleting the referenced record does to this field, with the default filled in. */
export const onDeleteOf = (field: LookupField): LookupOnDelete => field.onDelete ?? "setNull";

/** A reference to a record of another object (or the same one); the value is that record's id. */
export const lookupField: FieldTypeDescriptor<LookupField> = {
  type: "lookup",
  label: { en: "Lookup relationship", "zh-CN": "查找关系" },
  category: "relationship",
  source: "input",
  schema: lookupFieldSchema,
  optionsSchema: defineOptionsSchema(lookupOptions),
  toJsonSchema: () => recordIdSchema(),
  toUiSchema: (field) => ({ "ui:widget": "lookup", "ui:options": { reference: field.reference } }),
  coerce: coerceRecordId,
  operators: REFERENCE_OPERATORS,
  indexHint: "value",
};
