import type { Static } from "@sinclair/typebox";
import { defineFieldSchema } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { REFERENCE_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";
import { coerceRecordId, recordIdSchema, referenceProperties } from "../record-reference.js";

const masterDetailOptions = referenceProperties;

export const masterDetailFieldSchema = defineFieldSchema("masterDetail", masterDetailOptions);
export type MasterDetailField = Static<typeof masterDetailFieldSchema>;

/**
 * The detail side of a master-detail relationship: always required (a detail cannot exist without
 * its master, so there is no `required` key); deleting the master deletes its details (the engine
 * cascades), and sharing can follow the master (`controlledByParent`).
 */
export const masterDetailField: FieldTypeDescriptor<MasterDetailField> = {
  type: "masterDetail",
  label: { en: "Master-detail relationship", "zh-CN": "主从关系" },
  category: "relationship",
  source: "input",
  schema: masterDetailFieldSchema,
  optionsSchema: defineOptionsSchema(masterDetailOptions),
  toJsonSchema: () => recordIdSchema(),
  toUiSchema: (field) => ({ "ui:widget": "lookup", "ui:options": { reference: field.reference } }),
  coerce: coerceRecordId,
  operators: REFERENCE_OPERATORS,
  indexHint: "value",
};
