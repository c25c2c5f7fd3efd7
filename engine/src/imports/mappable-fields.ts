import { descriptorOf, type FieldDefinition } from "@tessera/metadata";
import type { RecordContext } from "../records/record-context.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";

/** Field types a file's cell cannot fill: a file field holds ids of stored uploads. */
const NOT_IMPORTABLE: ReadonlySet<string> = new Set(["file"]);

/**
 * Fields a column may fill, by name: fields a user enters (not computed or generated) that this
 * user may read and change. Anything else is answered as not mappable.
 */
export const mappableFields = (ctx: RecordContext, object: CompiledObject): Map<string, FieldDefinition> => {
  const readable = ctx.access.readableFields(object.name);
  const editable = ctx.access.editableFields(object.name);
  const fields = new Map<string, FieldDefinition>();
  for (const field of object.fields.values()) {
    if (descriptorOf(field).source !== "input" || NOT_IMPORTABLE.has(field.type)) continue;
    if (readable.has(field.name) && editable.has(field.name)) fields.set(field.name, field);
  }
  return fields;
};

/** A field naming records of another object: a lookup, master-detail or user field. */
export const referenceTarget = (field: FieldDefinition): string | undefined => {
  if (field.type === "user") return "user";
  if (field.type === "lookup" || field.type === "masterDetail") return field.reference;
  return undefined;
};

/** Field types whose unique values can name a record, as an external id does. */
const EXTERNAL_ID_TYPES: ReadonlySet<string> = new Set(["text", "email", "phone", "number"]);

export const isUniqueKeyField = (field: FieldDefinition): boolean =>
  EXTERNAL_ID_TYPES.has(field.type) && "unique" in field && field.unique === true;
