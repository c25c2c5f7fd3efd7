import {
  type FilterNode,
  filterFieldsOf,
  type MetadataDocument,
  type ObjectDefinition,
  parseFilter,
} from "@tessera/metadata";
import type { IndexSpec, SortKey, StorageSchema } from "../store/store-port.js";

const indexName = (keys: readonly SortKey[], unique: boolean): string =>
  `${unique ? "u" : "i"}_${keys.map((k) => `${k.field}${k.direction === "desc" ? "_d" : ""}`).join("__")}`;

const spec = (keys: SortKey[], unique = false): IndexSpec => ({
  name: indexName(keys, unique),
  keys,
  unique,
});

/** Fields a filter tests for equality at its top level: good leading index columns. */
const equalityFields = (filter: FilterNode | undefined): string[] => {
  if (filter === undefined) return [];
  if (filter.op === "compare" && filter.operator === "==") return [filter.field];
  if (filter.op === "in") return [filter.field];
  if (filter.op === "and") return filter.children.flatMap(equalityFields);
  return [];
};

/**
 * The indexes an object's records need, derived from metadata: owner (sharing), every reference
 * (related lists, cascades), unique fields (enforced by the store), and per list view its equality
 * filter fields followed by its sort (so a list view page is one index range scan).
 */
export const indexesOf = (object: ObjectDefinition, documents: readonly MetadataDocument[]): IndexSpec[] => {
  const specs = new Map<string, IndexSpec>();
  const add = (s: IndexSpec) => specs.set(s.name, s);
  add(spec([{ field: "ownerId", direction: "asc" }]));
  add(spec([{ field: "updatedAt", direction: "desc" }]));
  for (const field of object.fields) {
    if (field.type === "lookup" || field.type === "masterDetail" || field.type === "user")
      add(spec([{ field: field.name, direction: "asc" }]));
    if ("unique" in field && field.unique === true)
      add(spec([{ field: field.name, direction: "asc" }], true));
  }
  const resolve = filterFieldsOf(object);
  for (const doc of documents) {
    if (doc.kind !== "listView" || doc.object !== object.name) continue;
    const parsed = doc.filter === undefined ? undefined : parseFilter(doc.filter, resolve);
    const leading = [...new Set(equalityFields(parsed?.ok === true ? parsed.filter : undefined))].map(
      (field): SortKey => ({ field, direction: "asc" }),
    );
    const sort = (doc.sort ?? []).filter((k) => !leading.some((l) => l.field === k.field));
    const keys = [...leading, ...sort.map((k): SortKey => ({ field: k.field, direction: k.direction }))];
    if (keys.length > 0) add(spec(keys));
  }
  return [...specs.values()];
};

/** The storage the documents need, and which objects' storage a publish drops. */
export const storageSchemaOf = (
  documents: readonly MetadataDocument[],
  previous: readonly MetadataDocument[],
): StorageSchema => {
  const objects = documents.filter((d): d is ObjectDefinition => d.kind === "object");
  const names = new Set(objects.map((o) => o.name));
  const byName = new Map(objects.map((o) => [o.name, o]));
  const droppedFields = previous.flatMap((d) => {
    const now = d.kind === "object" ? byName.get(d.name) : undefined;
    if (d.kind !== "object" || now === undefined) return [];
    const kept = new Set(now.fields.map((f) => f.name));
    return d.fields.filter((f) => !kept.has(f.name)).map((f) => ({ object: d.name, field: f.name }));
  });
  return {
    objects: objects.map((o) => ({ name: o.name, indexes: indexesOf(o, documents) })),
    dropped: previous.filter((d) => d.kind === "object" && !names.has(d.name)).map((d) => d.name),
    droppedFields,
  };
};
