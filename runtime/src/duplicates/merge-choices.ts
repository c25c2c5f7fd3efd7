import type { FieldDefinition, JsonValue, ObjectDefinition } from "@tessera/metadata";
import type { DuplicateRecord, MergeRequest } from "./duplicate-api.js";

/** A merge keeps one record and folds at most this many others into it. */
export const MAX_MERGED = 2;

/** What the merge dialog decided: the record kept, the records merged into it, and whose value each field keeps. */
export interface MergeChoice {
  survivorId: string;
  mergedIds: string[];
  /** Field name -> id of the record whose value the kept record gets. */
  picks: Record<string, string>;
}

export const isEmptyValue = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && value.length === 0);

/** A lookup as the API shows it (`{id, name}`) is sent back as its id. */
const storedValue = (value: unknown): JsonValue => {
  if (isEmptyValue(value)) return null;
  if (typeof value === "object" && value !== null && !Array.isArray(value) && "id" in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === "string") return id;
  }
  return value as JsonValue;
};

const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(storedValue(a)) === JSON.stringify(storedValue(b));

/**
 * Fields whose value a merge may choose: those the user may edit that some record of the group
 * shows (in the object's field order).
 */
export const mergeFields = (
  object: ObjectDefinition,
  editable: readonly string[],
  records: readonly DuplicateRecord[],
): FieldDefinition[] => {
  const allowed = new Set(editable);
  return object.fields.filter(
    (f) => allowed.has(f.name) && records.some((r) => Object.hasOwn(r.values, f.name)),
  );
};

/**
 * For each field, the record whose value is kept by default: the survivor's own value, or when it
 * has none the first merged record (in the group's order) that has one.
 */
export const defaultPicks = (
  records: readonly DuplicateRecord[],
  survivorId: string,
  mergedIds: readonly string[],
  fields: readonly FieldDefinition[],
): Record<string, string> => {
  const survivor = records.find((r) => r.id === survivorId);
  const merged = records.filter((r) => mergedIds.includes(r.id));
  return Object.fromEntries(
    fields.map((field) => {
      if (survivor !== undefined && !isEmptyValue(survivor.values[field.name]))
        return [field.name, survivorId];
      const donor = merged.find((r) => !isEmptyValue(r.values[field.name]));
      return [field.name, donor?.id ?? survivorId];
    }),
  );
};

/** The first record kept, the next ones (up to the limit) merged into it. */
export const initialChoice = (
  records: readonly DuplicateRecord[],
  fields: readonly FieldDefinition[],
): MergeChoice => {
  const [first, ...others] = records;
  const survivorId = first?.id ?? "";
  const mergedIds = others.slice(0, MAX_MERGED).map((r) => r.id);
  return { survivorId, mergedIds, picks: defaultPicks(records, survivorId, mergedIds, fields) };
};

/** Another record is kept: it leaves the merged ones (the old survivor joins them if there is room). */
export const chooseSurvivor = (
  records: readonly DuplicateRecord[],
  fields: readonly FieldDefinition[],
  choice: MergeChoice,
  survivorId: string,
): MergeChoice => {
  const others = choice.mergedIds.filter((id) => id !== survivorId);
  const mergedIds =
    others.length < MAX_MERGED && choice.survivorId !== survivorId ? [choice.survivorId, ...others] : others;
  const ordered = records.filter((r) => mergedIds.includes(r.id)).map((r) => r.id);
  return { survivorId, mergedIds: ordered, picks: defaultPicks(records, survivorId, ordered, fields) };
};

/** A record joins or leaves the merge; picks of a record that left go back to their default. */
export const toggleMerged = (
  records: readonly DuplicateRecord[],
  fields: readonly FieldDefinition[],
  choice: MergeChoice,
  id: string,
): MergeChoice => {
  const included = choice.mergedIds.includes(id);
  if (!included && choice.mergedIds.length >= MAX_MERGED) return choice;
  const mergedIds = records
    .filter((r) => (r.id === id ? !included : choice.mergedIds.includes(r.id)))
    .map((r) => r.id);
  const defaults = defaultPicks(records, choice.survivorId, mergedIds, fields);
  const inMerge = new Set([choice.survivorId, ...mergedIds]);
  const picks = Object.fromEntries(
    Object.entries(choice.picks).map(([field, from]) => [
      field,
      inMerge.has(from) ? from : (defaults[field] ?? from),
    ]),
  );
  return { ...choice, mergedIds, picks };
};

export const pickValue = (choice: MergeChoice, field: string, recordId: string): MergeChoice => ({
  ...choice,
  picks: { ...choice.picks, [field]: recordId },
});

/**
 * The merge the server is asked for: the kept record, the merged ones, and the values the kept
 * record takes from the others (fields keeping its own value are left out; an empty choice clears).
 */
export const mergeRequestOf = (
  records: readonly DuplicateRecord[],
  fields: readonly FieldDefinition[],
  choice: MergeChoice,
): MergeRequest => {
  const survivor = records.find((r) => r.id === choice.survivorId);
  const values: Record<string, JsonValue> = {};
  for (const field of fields) {
    const from = records.find((r) => r.id === choice.picks[field.name]);
    if (from === undefined || from.id === choice.survivorId) continue;
    const value = from.values[field.name];
    if (!sameValue(value, survivor?.values[field.name])) values[field.name] = storedValue(value);
  }
  return { survivorId: choice.survivorId, mergedIds: choice.mergedIds, values };
};
