import { Type } from "@sinclair/typebox";
import { isPlainObject, type JsonSchema } from "../json/json-types.js";
import { accepted, refused } from "./coercion.js";
import { NAME_PATTERN } from "./field-base.js";
import type { Coercion } from "./field-type-descriptor.js";

/** Ids of records (and of stored files): URL-safe, so they travel in paths unescaped. */
export const RECORD_ID_PATTERN = "^[A-Za-z0-9_-]{1,64}$";
const RECORD_ID_REGEX = new RegExp(RECORD_ID_PATTERN);
export const RECORD_ID_MAX_LENGTH = 64;

export const isRecordId = (value: unknown): value is string =>
  typeof value === "string" && value.length <= RECORD_ID_MAX_LENGTH && RECORD_ID_REGEX.test(value);

/** The stored value of a lookup, master-detail or user field: the referenced record's id. */
export const recordIdSchema = (): JsonSchema => ({
  type: "string",
  maxLength: RECORD_ID_MAX_LENGTH,
  pattern: RECORD_ID_PATTERN,
});

/** Keys of a field that references records of another object. */
export const referenceProperties = {
  /** Name of the referenced object. */
  reference: Type.String({ pattern: NAME_PATTERN, maxLength: 63 }),
  /** Name of the related list on the referenced object; derived from this object's name when absent. */
  relationshipName: Type.Optional(Type.String({ pattern: NAME_PATTERN, maxLength: 63 })),
};

/** An id string, or a record-like `{id: "..."}` as clients often send back what they read. */
export const coerceRecordId = (value: unknown): Coercion => {
  const id = isPlainObject(value) ? value.id : value;
  return isRecordId(id)
    ? accepted(id)
    : refused("field.invalidReference", "Choose a record: the value must be a record id.");
};
