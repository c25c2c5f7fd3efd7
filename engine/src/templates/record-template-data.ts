import {
  formatDatetime,
  formatFieldValue,
  isPlainObject,
  type JsonObject,
  type JsonValue,
  localize,
  SYSTEM_FIELD_DISPLAY,
  usableTimeZone,
  type ValueFormat,
} from "@tessera/metadata";
import { referencedObjectOf } from "../records/check-references.js";
import { and, idIs } from "../records/filter-helpers.js";
import { presentRecords } from "../records/present-records.js";
import type { RecordContext } from "../records/record-context.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import type { StoredRecord } from "../store/store-port.js";

/**
 * What a record template sees (docs/development.md, "Templates"). Built for one reader: only
 * fields their field-level security lets them read, only records they may see, never the engine's
 * `_`-prefixed keys. A hidden or absent field renders empty.
 *
 * - `record`: raw values of the readable fields, plus `id`, `createdAt`, `updatedAt`, `ownerId`;
 *   a lookup, master-detail or user field holds the referenced id.
 * - `display`: per readable field, the value formatted for the reader (picklist labels in their
 *   language, numbers, amounts, percentages and dates in their locale, datetimes in their time
 *   zone, Yes/No or 是/否, rich text as plain text, a reference as the referenced record's name
 *   when they may read that record and its name field); also `createdAt`, `updatedAt`, `ownerId`.
 * - `labels`: per readable field (and `createdAt`, `updatedAt`, `ownerId`), its label in their language.
 * - `objectLabel`: the object's label in their language.
 * - `related.<referenceField>`: the referenced record as `record` is (raw values of its readable
 *   fields), when they may see it; one level deep. `relatedDisplay.<referenceField>` as `display`.
 * - `owner`: `{id, name}`; `name` only when they may read the owner's user record and name.
 * - `extra`: what the caller passed (an approval's comment, step, submitter name), as is.
 *
 * When the reader may not read the object, `record`, `display`, `labels`, `related` and
 * `relatedDisplay` are empty and `owner` is absent.
 */
export type RecordTemplateData = {
  record: JsonObject;
  display: Record<string, string>;
  labels: Record<string, string>;
  objectLabel: string;
  related: Record<string, JsonObject>;
  relatedDisplay: Record<string, Record<string, string>>;
  owner?: { id: string; name?: string };
  extra: JsonObject;
  /** The reader's time zone, for the `formatDate` helper. */
  $timeZone: string;
};

interface RecordView {
  record: JsonObject;
  display: Record<string, string>;
  labels: Record<string, string>;
}

const referenceOf = (value: JsonValue | undefined): { id: string; name?: string } | undefined =>
  isPlainObject(value) && typeof value.id === "string"
    ? { id: value.id, ...(typeof value.name === "string" && { name: value.name }) }
    : undefined;

/**
 * A presented record (presentRecords: system keys, readable fields only, references as
 * `{id, name}` with the name only when visible) as raw values, display texts and labels.
 */
const viewOf = (object: CompiledObject, presented: JsonObject, format: ValueFormat): RecordView => {
  const view: RecordView = { record: {}, display: {}, labels: {} };
  for (const key of ["id", "createdAt", "updatedAt", "ownerId"] as const) {
    const value = presented[key];
    if (typeof value === "string") view.record[key] = value;
  }
  for (const key of ["createdAt", "updatedAt"] as const) {
    const value = presented[key];
    if (typeof value === "string") view.display[key] = formatDatetime(value, format);
  }
  for (const key of ["createdAt", "updatedAt", "ownerId"] as const)
    view.labels[key] = localize(SYSTEM_FIELD_DISPLAY[key].label, format.locale) ?? key;
  for (const [name, field] of object.fields) {
    if (name.startsWith("_") || !Object.hasOwn(presented, name)) continue;
    const value = presented[name];
    view.labels[name] = localize(field.label, format.locale) ?? name;
    if (field.type === "lookup" || field.type === "masterDetail" || field.type === "user") {
      const reference = referenceOf(value);
      if (reference === undefined) continue;
      view.record[name] = reference.id;
      view.display[name] = reference.name ?? "";
    } else if (value !== undefined) {
      view.record[name] = value;
      view.display[name] = formatFieldValue(field, value, format);
    }
  }
  return view;
};

/** The record of `object` with `id` as the reader may see it, or undefined when they may not. */
const visibleRecord = async (
  reader: RecordContext,
  object: string,
  id: string,
): Promise<{ object: CompiledObject; presented: JsonObject } | undefined> => {
  const compiled = reader.metadata.objects.get(object);
  if (compiled === undefined || !reader.access.can("read", object)) return undefined;
  const page = await reader.store.findRecords(object, {
    filter: and(idIs(id), await reader.access.recordFilter(object, "read")),
    sort: [],
    limit: 1,
    fields: [...reader.access.readableFields(object)],
  });
  const found = page.records[0];
  if (found === undefined) return undefined;
  const [presented] = await presentRecords(reader, compiled, [found]);
  return presented === undefined ? undefined : { object: compiled, presented };
};

// The reader's own preference; reading it reveals nothing they could not read themselves.
const timeZoneOf = async (reader: RecordContext): Promise<string> => {
  const user = await reader.store.getRecord("user", reader.actor.userId);
  return usableTimeZone(user?.timeZone);
};

/** The data a record template is rendered with for `reader` (see RecordTemplateData). */
export const recordTemplateData = async (
  reader: RecordContext,
  input: { object: string; record: StoredRecord; extra?: JsonObject },
): Promise<RecordTemplateData> => {
  const object = reader.metadata.objects.get(input.object);
  const format: ValueFormat = { locale: reader.locale, timeZone: await timeZoneOf(reader) };
  const data: RecordTemplateData = {
    record: {},
    display: {},
    labels: {},
    objectLabel:
      object === undefined
        ? input.object
        : (localize(object.definition.label, reader.locale) ?? input.object),
    related: {},
    relatedDisplay: {},
    extra: input.extra ?? {},
    $timeZone: format.timeZone,
  };
  if (object === undefined || !reader.access.can("read", input.object)) return data;
  const [presented] = await presentRecords(reader, object, [input.record]);
  if (presented === undefined) return data;
  const view = viewOf(object, presented, format);
  data.record = view.record;
  data.display = view.display;
  data.labels = view.labels;

  const readable = reader.access.readableFields(input.object);
  const lookups = object.references.filter(
    (field) => readable.has(field.name) && typeof input.record[field.name] === "string",
  );
  const ownerId = input.record.ownerId;
  const [owner, ...related] = await Promise.all([
    typeof ownerId === "string" ? visibleRecord(reader, "user", ownerId) : undefined,
    ...lookups.map((field) =>
      visibleRecord(reader, referencedObjectOf(field), String(input.record[field.name])),
    ),
  ]);
  lookups.forEach((field, index) => {
    const found = related[index];
    if (found === undefined) return;
    const relatedView = viewOf(found.object, found.presented, format);
    data.related[field.name] = relatedView.record;
    data.relatedDisplay[field.name] = relatedView.display;
  });
  if (typeof ownerId === "string") {
    const name = owner === undefined ? undefined : owner.presented[owner.object.recordName];
    data.owner = { id: ownerId, ...(typeof name === "string" && { name }) };
    data.display.ownerId = data.owner.name ?? "";
  }
  return data;
};
