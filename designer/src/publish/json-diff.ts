import { escapePointerToken, isPlainObject, type JsonObject, type JsonValue } from "@tessera/metadata";

/**
 * One difference between two JSON values. `before` is absent when the value was added, `after`
 * when it was removed. `reordered`: the same named items, in another order (before and after hold
 * their names in order).
 */
export interface JsonChange {
  pointer: string;
  change: "added" | "removed" | "changed" | "reordered";
  before?: JsonValue;
  after?: JsonValue;
}

/** One document's difference between two versions; added and removed documents come whole. */
export interface DocumentDiff {
  kind: string;
  name: string;
  change: "added" | "removed" | "changed";
  /** The document as added or as it was before it was removed. */
  document?: JsonObject;
  /** For a changed document, every difference inside it. */
  changes?: JsonChange[];
}

const same = (a: JsonValue, b: JsonValue): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => same(x, b[i] as JsonValue));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => k in b && same(a[k] as JsonValue, b[k] as JsonValue))
    );
  }
  return false;
};

/** The names of a list of named items (fields, sections, steps), or undefined when it is not one. */
const namesOf = (items: readonly JsonValue[]): string[] | undefined => {
  const names = items.map((item) =>
    isPlainObject(item) && typeof item.name === "string" ? item.name : undefined,
  );
  if (names.some((n) => n === undefined)) return undefined;
  return new Set(names).size === names.length ? (names as string[]) : undefined;
};

const diffNamed = (
  before: readonly JsonValue[],
  after: readonly JsonValue[],
  beforeNames: readonly string[],
  afterNames: readonly string[],
  at: string,
): JsonChange[] => {
  const changes: JsonChange[] = [];
  after.forEach((item, index) => {
    const prior = beforeNames.indexOf(afterNames[index] as string);
    if (prior === -1) changes.push({ pointer: `${at}/${index}`, change: "added", after: item });
    else changes.push(...diffJson(before[prior] as JsonValue, item, `${at}/${index}`));
  });
  before.forEach((item, index) => {
    if (!afterNames.includes(beforeNames[index] as string))
      changes.push({ pointer: `${at}/${index}`, change: "removed", before: item });
  });
  const kept = afterNames.filter((n) => beforeNames.includes(n));
  const keptBefore = beforeNames.filter((n) => afterNames.includes(n));
  if (!same(kept, keptBefore))
    changes.push({ pointer: at, change: "reordered", before: keptBefore, after: kept });
  return changes;
};

/**
 * The structural difference from `before` to `after`, as JSON pointers into them. Objects compare
 * key by key. Lists of named items (every item an object with a unique `name`) are matched by name,
 * so inserting a field reads as one field added rather than every later field changed; the pointer
 * of an added or changed item is its position after, of a removed item its position before. Other
 * lists compare position by position.
 */
export const diffJson = (before: JsonValue, after: JsonValue, at = ""): JsonChange[] => {
  if (same(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
    return keys.flatMap((key) => {
      const pointer = `${at}/${escapePointerToken(key)}`;
      if (!(key in after)) return [{ pointer, change: "removed", before: before[key] as JsonValue } as const];
      if (!(key in before)) return [{ pointer, change: "added", after: after[key] as JsonValue } as const];
      return diffJson(before[key] as JsonValue, after[key] as JsonValue, pointer);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const [beforeNames, afterNames] = [namesOf(before), namesOf(after)];
    if (beforeNames !== undefined && afterNames !== undefined)
      return diffNamed(before, after, beforeNames, afterNames, at);
    const changes: JsonChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i += 1) {
      const pointer = `${at}/${i}`;
      if (i >= after.length) changes.push({ pointer, change: "removed", before: before[i] as JsonValue });
      else if (i >= before.length) changes.push({ pointer, change: "added", after: after[i] as JsonValue });
      else changes.push(...diffJson(before[i] as JsonValue, after[i] as JsonValue, pointer));
    }
    return changes;
  }
  return [{ pointer: at, change: "changed", before, after }];
};

const idOf = (d: JsonObject) => `${String(d.kind)}/${String(d.name)}`;

/** The documents that differ between two versions, in the order of `next` then removed ones. */
export const diffDocuments = (
  previous: readonly JsonObject[],
  next: readonly JsonObject[],
): DocumentDiff[] => {
  const prior = new Map(previous.map((d) => [idOf(d), d]));
  const diffs: DocumentDiff[] = [];
  for (const doc of next) {
    const before = prior.get(idOf(doc));
    prior.delete(idOf(doc));
    const [kind, name] = [String(doc.kind), String(doc.name)];
    if (before === undefined) diffs.push({ kind, name, change: "added", document: doc });
    else {
      const changes = diffJson(before, doc);
      if (changes.length > 0) diffs.push({ kind, name, change: "changed", changes });
    }
  }
  for (const doc of prior.values())
    diffs.push({ kind: String(doc.kind), name: String(doc.name), change: "removed", document: doc });
  return diffs;
};
