import { descriptorOf, type FieldDefinition, type ObjectDefinition } from "@tessera/metadata";
import type { ReferenceValue } from "../api/types.js";

/** The id of the user a sample record names as owner, creator and last editor. */
export const SAMPLE_USER_ID = "sample-user";
const SAMPLE_DATE = "2026-03-14";
const SAMPLE_DATETIME = "2026-03-14T09:30:00.000Z";

export interface SampleTexts {
  /** A short text ("Sample text"). */
  text: string;
  /** Two lines. */
  longText: string;
  /** The name of a sample record of an object, given that object's label. */
  record: (objectLabel: string) => string;
  user: string;
}

const fitted = (field: FieldDefinition, text: string): string => {
  const max = descriptorOf(field).toJsonSchema(field).maxLength;
  return typeof max === "number" ? text.slice(0, max) : text;
};

const referenceTo = (
  object: string,
  texts: SampleTexts,
  labelOf: (object: string) => string,
): ReferenceValue => ({
  id: `sample-${object}`,
  name: texts.record(labelOf(object)),
});

const sampleOfType = (
  field: FieldDefinition,
  texts: SampleTexts,
  labelOf: (object: string) => string,
): unknown => {
  switch (field.type) {
    case "text":
      return fitted(field, texts.text);
    case "textarea":
      return fitted(field, texts.longText);
    case "richText":
      return fitted(field, `<p>${texts.text}</p>`);
    case "email":
      return "sample@example.com";
    case "phone":
      return "+86 21 5555 0100";
    case "url":
      return "https://example.com";
    case "number":
      return field.scale !== undefined && field.scale > 0 ? 42.5 : 42;
    case "currency":
      return 1250.5;
    case "percent":
      return 12.5;
    case "boolean":
      return true;
    case "date":
      return SAMPLE_DATE;
    case "datetime":
      return SAMPLE_DATETIME;
    case "time":
      return "09:30:00";
    case "picklist":
      return (field.options.find((o) => o.active !== false) ?? field.options[0])?.value;
    case "multiPicklist":
      return field.options
        .filter((o) => o.active !== false)
        .slice(0, 2)
        .map((o) => o.value);
    case "lookup":
    case "masterDetail":
      return referenceTo(field.reference, texts, labelOf);
    case "user":
      return { id: SAMPLE_USER_ID, name: texts.user } satisfies ReferenceValue;
    case "geolocation":
      return { lat: 31.2304, lng: 121.4737 };
    case "file": {
      const file = {
        fileId: "sample-file",
        name: "sample.pdf",
        size: 24_576,
        contentType: "application/pdf",
      };
      return field.multiple === true ? [file] : file;
    }
    case "autoNumber":
      return "0001";
    case "formula":
      return sampleOfType({ ...field, type: field.returnType } as FieldDefinition, texts, labelOf);
    case "rollupSummary":
      return 3;
    default:
      return undefined;
  }
};

/**
 * A record of `object` to preview edit and read screens with: the same value for every field of
 * a type (texts in the language of `texts`), lookups as `{id, name}` the way the record API
 * answers them, and the system fields set.
 */
export const sampleRecord = (
  object: ObjectDefinition,
  texts: SampleTexts,
  labelOf: (object: string) => string = (name) => name,
): Record<string, unknown> => {
  const record: Record<string, unknown> = {
    id: "sample",
    version: 1,
    ownerId: SAMPLE_USER_ID,
    createdAt: SAMPLE_DATETIME,
    createdBy: SAMPLE_USER_ID,
    updatedAt: SAMPLE_DATETIME,
    updatedBy: SAMPLE_USER_ID,
  };
  for (const field of object.fields) {
    const value = sampleOfType(field, texts, labelOf);
    if (value !== undefined) record[field.name] = value;
  }
  const name = object.fields.find((field) => field.name === object.recordName);
  if (name?.type === "text") record[name.name] = fitted(name, texts.record(labelOf(object.name)));
  return record;
};
