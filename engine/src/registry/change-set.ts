import type { FieldDefinition, JsonObject, MetadataDocument, ObjectDefinition } from "@tessera/metadata";

/** What happened to one field of an object between two versions. */
export type FieldChange =
  | { field: string; change: "added" | "removed" | "changed" }
  | { field: string; change: "typeChanged"; from: string; to: string }
  | { field: string; change: "requiredAdded" | "uniqueAdded" | "referenceChanged" | "maxLengthReduced" }
  | { field: string; change: "optionsRemoved"; options: string[] };

/** One document's change between the published version and the draft. */
export interface DocumentChange {
  kind: string;
  name: string;
  change: "added" | "removed" | "changed";
  fields?: FieldChange[];
}

const key = (d: MetadataDocument) => `${d.kind}/${d.name}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const flag = (f: FieldDefinition, k: "required" | "unique") =>
  k in f && (f as Record<string, unknown>)[k] === true;
const optionValues = (f: FieldDefinition): string[] =>
  f.type === "picklist" || f.type === "multiPicklist" ? f.options.map((o) => o.value) : [];
const maxLengthOf = (f: FieldDefinition): number | undefined =>
  "maxLength" in f && typeof f.maxLength === "number" ? f.maxLength : undefined;

const fieldChanges = (before: ObjectDefinition, after: ObjectDefinition): FieldChange[] => {
  const old = new Map(before.fields.map((f) => [f.name, f]));
  const changes: FieldChange[] = [];
  for (const field of after.fields) {
    const prior = old.get(field.name);
    old.delete(field.name);
    if (prior === undefined) {
      changes.push({ field: field.name, change: "added" });
      // A default fills new records only: existing ones stay without a value either way.
      if (flag(field, "required")) changes.push({ field: field.name, change: "requiredAdded" });
      if (flag(field, "unique")) changes.push({ field: field.name, change: "uniqueAdded" });
      continue;
    }
    if (same(prior, field)) continue;
    if (prior.type !== field.type)
      changes.push({ field: field.name, change: "typeChanged", from: prior.type, to: field.type });
    else {
      if (flag(field, "required") && !flag(prior, "required"))
        changes.push({ field: field.name, change: "requiredAdded" });
      if (flag(field, "unique") && !flag(prior, "unique"))
        changes.push({ field: field.name, change: "uniqueAdded" });
      if ("reference" in field && "reference" in prior && field.reference !== prior.reference) {
        changes.push({ field: field.name, change: "referenceChanged" });
      }
      const removed = optionValues(prior).filter((v) => !optionValues(field).includes(v));
      if (removed.length > 0) changes.push({ field: field.name, change: "optionsRemoved", options: removed });
      const [was, now] = [maxLengthOf(prior), maxLengthOf(field)];
      if (now !== undefined && (was === undefined || now < was))
        changes.push({ field: field.name, change: "maxLengthReduced" });
    }
    changes.push({ field: field.name, change: "changed" });
  }
  for (const name of old.keys()) changes.push({ field: name, change: "removed" });
  return changes;
};

/** The change set from `previous` to `next`, by document and, for objects, by field. */
export const computeChanges = (
  previous: readonly MetadataDocument[],
  next: readonly MetadataDocument[],
): DocumentChange[] => {
  const before = new Map(previous.map((d) => [key(d), d]));
  const changes: DocumentChange[] = [];
  for (const doc of next) {
    const prior = before.get(key(doc));
    before.delete(key(doc));
    if (prior === undefined) changes.push({ kind: doc.kind, name: doc.name, change: "added" });
    else if (!same(prior, doc)) {
      changes.push({
        kind: doc.kind,
        name: doc.name,
        change: "changed",
        ...(doc.kind === "object" && prior.kind === "object" && { fields: fieldChanges(prior, doc) }),
      });
    }
  }
  for (const doc of before.values()) changes.push({ kind: doc.kind, name: doc.name, change: "removed" });
  return changes;
};

export const asJson = (changes: readonly DocumentChange[]): JsonObject[] =>
  changes as unknown as JsonObject[];
