import { type Static, Type } from "@sinclair/typebox";
import { isPlainObject, type JsonSchema, type JsonValue } from "../../json/json-types.js";
import { accepted, refused } from "../coercion.js";
import { defineFieldSchema, requiredProperty } from "../field-base.js";
import type { Coercion, FieldTypeDescriptor } from "../field-type-descriptor.js";
import { PRESENCE_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";
import { isRecordId, RECORD_ID_MAX_LENGTH, RECORD_ID_PATTERN } from "../record-reference.js";
import { characterCount, hasControlCharacter } from "../text-coercion.js";

const MIME_PART = "[a-z0-9][a-z0-9!#$&^_.+-]{0,126}";
/** A MIME type ("application/pdf"), a family ("image/*") or anything ("*\/*"). */
export const ACCEPT_PATTERN = `^(?:${MIME_PART}/(?:\\*|${MIME_PART})|\\*/\\*)$`;
const CONTENT_TYPE_PATTERN = `^${MIME_PART}/${MIME_PART}$`;
const CONTENT_TYPE_REGEX = new RegExp(CONTENT_TYPE_PATTERN);
const MIME_MAX_LENGTH = 255;
export const FILE_NAME_MAX_LENGTH = 255;
/** Files one `multiple` field holds at most. */
export const FILE_MAX_COUNT = 100;

const fileOptions = {
  ...requiredProperty,
  /** Allowed content types; any when absent. */
  accept: Type.Optional(
    Type.Array(Type.String({ pattern: ACCEPT_PATTERN, maxLength: MIME_MAX_LENGTH }), {
      minItems: 1,
      maxItems: 50,
    }),
  ),
  maxSizeBytes: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
  /** Several files (an array) rather than one. */
  multiple: Type.Optional(Type.Boolean()),
};

export const fileFieldSchema = defineFieldSchema("file", fileOptions);
export type FileField = Static<typeof fileFieldSchema>;

const accepts = (accept: readonly string[] | undefined, contentType: string): boolean =>
  accept === undefined ||
  accept.some(
    (pattern) =>
      pattern === "*/*" ||
      pattern === contentType ||
      (pattern.endsWith("/*") && contentType.startsWith(pattern.slice(0, -1))),
  );

// Escapes only regex syntax characters: ajv compiles patterns with the "u" flag, which refuses
// escapes of other characters ("\-").
const escapeRegex = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");

const contentTypeSchema = (accept: readonly string[] | undefined): JsonSchema => {
  const base = { type: "string", maxLength: MIME_MAX_LENGTH, pattern: CONTENT_TYPE_PATTERN };
  if (accept === undefined || accept.includes("*/*")) return base;
  return {
    ...base,
    anyOf: accept.map((pattern) =>
      pattern.endsWith("/*") ? { pattern: `^${escapeRegex(pattern.slice(0, -1))}` } : { const: pattern },
    ),
  };
};

const fileValueSchema = (field: FileField): JsonSchema => ({
  type: "object",
  properties: {
    fileId: { type: "string", maxLength: RECORD_ID_MAX_LENGTH, pattern: RECORD_ID_PATTERN },
    name: { type: "string", minLength: 1, maxLength: FILE_NAME_MAX_LENGTH },
    size: {
      type: "integer",
      minimum: 0,
      ...(field.maxSizeBytes === undefined ? {} : { maximum: field.maxSizeBytes }),
    },
    contentType: contentTypeSchema(field.accept),
  },
  required: ["fileId", "name", "size", "contentType"],
  additionalProperties: false,
});

const invalidFile = () =>
  refused("field.invalidFile", "Attach an uploaded file: {fileId, name, size, contentType}.");

/** One stored-file reference; parameters of the content type ("; charset=utf-8") are dropped. */
const coerceFileReference = (value: unknown, field: FileField): Coercion => {
  if (!isPlainObject(value)) return invalidFile();
  const { fileId, name, size, contentType } = value;
  const type = typeof contentType === "string" ? contentType.split(";")[0]?.trim().toLowerCase() : undefined;
  const valid =
    isRecordId(fileId) &&
    typeof name === "string" &&
    name.trim() !== "" &&
    characterCount(name) <= FILE_NAME_MAX_LENGTH &&
    !hasControlCharacter(name) &&
    typeof size === "number" &&
    Number.isSafeInteger(size) &&
    size >= 0 &&
    type !== undefined &&
    type.length <= MIME_MAX_LENGTH &&
    CONTENT_TYPE_REGEX.test(type);
  if (!valid) return invalidFile();
  if (field.maxSizeBytes !== undefined && size > field.maxSizeBytes) {
    return refused("field.fileTooLarge", `The file is larger than ${field.maxSizeBytes} bytes.`);
  }
  if (!accepts(field.accept, type)) {
    return refused("field.fileTypeNotAccepted", `Files of type ${type} are not accepted here.`);
  }
  return accepted({ fileId, name, size, contentType: type });
};

const coerceFiles = (value: unknown, field: FileField): Coercion => {
  if (field.multiple !== true) return coerceFileReference(value, field);
  const items = Array.isArray(value) ? value : [value];
  if (items.length > FILE_MAX_COUNT) {
    return refused("field.tooManyFiles", `Attach at most ${FILE_MAX_COUNT} files.`);
  }
  const files: JsonValue[] = [];
  for (const item of items) {
    const file = coerceFileReference(item, field);
    if (!file.ok) return file;
    files.push(file.value);
  }
  return accepted(files);
};

/**
 * A reference to an uploaded file (or several, with `multiple`); the bytes live in the file store.
 * The value names the file's id, name, size and content type, checked against `accept` and
 * `maxSizeBytes` (the upload endpoint checks the bytes themselves).
 */
export const fileField: FieldTypeDescriptor<FileField> = {
  type: "file",
  label: { en: "File", "zh-CN": "文件" },
  category: "other",
  source: "input",
  schema: fileFieldSchema,
  optionsSchema: defineOptionsSchema(fileOptions),
  toJsonSchema: (field) =>
    field.multiple === true
      ? { type: "array", items: fileValueSchema(field), maxItems: FILE_MAX_COUNT }
      : fileValueSchema(field),
  toUiSchema: (field) => ({
    "ui:widget": "file",
    "ui:options": {
      multiple: field.multiple === true,
      ...(field.accept === undefined ? {} : { accept: field.accept.join(",") }),
      ...(field.maxSizeBytes === undefined ? {} : { maxSizeBytes: field.maxSizeBytes }),
    },
  }),
  coerce: coerceFiles,
  operators: PRESENCE_OPERATORS,
  indexHint: "none",
};
