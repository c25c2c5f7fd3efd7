import { coerceFieldValue, type MetadataDocument, type ObjectDefinition } from "@tessera/metadata";
import type { StoredRecord, TenantStore } from "../store/store-port.js";
import type { DocumentChange } from "./change-set.js";

/** One consequence of a publish for existing records, in words an admin understands. */
export interface Impact {
  object: string;
  field?: string;
  /** `destructive`: data would be lost or left invalid, so publishing needs `force`.
   *  `blocking`: cannot be published at all (e.g. a unique field over duplicate values). */
  severity: "destructive" | "blocking";
  code: string;
  records: number;
  message: string;
}

const PAGE = 1000;

/** Every record of an object, page by page (the registry's own scan; no user filter applies). */
export async function* scanRecords(store: TenantStore, object: string): AsyncGenerator<StoredRecord> {
  let after: Array<string | null> | undefined;
  for (;;) {
    const page = await store.findRecords(object, {
      sort: [],
      limit: PAGE,
      ...(after !== undefined && { after }),
    });
    yield* page.records;
    const last = page.records.at(-1);
    if (!page.hasMore || last === undefined) return;
    after = [last.id];
  }
}

const hasValue = (field: string) => ({ op: "not", child: { op: "missing", field } }) as const;

const fieldImpacts = async (
  store: TenantStore,
  prior: ObjectDefinition,
  next: ObjectDefinition,
  change: DocumentChange,
): Promise<Impact[]> => {
  const impacts: Impact[] = [];
  const nextFields = new Map(next.fields.map((f) => [f.name, f]));
  for (const fc of change.fields ?? []) {
    const object = next.name;
    const field = fc.field;
    if (fc.change === "removed" || fc.change === "referenceChanged") {
      const records = await store.countRecords(object, hasValue(field));
      if (records > 0) {
        impacts.push({
          object,
          field,
          severity: "destructive",
          code: `field.${fc.change}`,
          records,
          message:
            fc.change === "removed"
              ? `Removing "${field}" deletes its value from ${records} record(s).`
              : `"${field}" now points to another object: its value is cleared on ${records} record(s).`,
        });
      }
    } else if (
      fc.change === "typeChanged" ||
      fc.change === "optionsRemoved" ||
      fc.change === "maxLengthReduced"
    ) {
      const target = nextFields.get(field);
      if (target === undefined) continue;
      let failing = 0;
      for await (const record of scanRecords(store, object)) {
        const value = record[field];
        if (value === undefined) continue;
        const coerced = coerceFieldValue(target, value);
        if (!coerced.ok || (fc.change === "optionsRemoved" && !stillAnOption(target, coerced.value)))
          failing += 1;
      }
      if (failing > 0) {
        impacts.push({
          object,
          field,
          severity: "destructive",
          code: `field.${fc.change}`,
          records: failing,
          message:
            fc.change === "typeChanged"
              ? `Field type ${fc.from} -> ${fc.to}: ${failing} record(s) cannot convert; their value is cleared.`
              : `${failing} record(s) hold a value "${field}" no longer allows; it is cleared.`,
        });
      }
    } else if (fc.change === "requiredAdded") {
      const records = await store.countRecords(object, { op: "missing", field });
      if (records > 0) {
        impacts.push({
          object,
          field,
          severity: "destructive",
          code: "field.requiredAdded",
          records,
          message: `"${field}" becomes required but ${records} record(s) have no value; they must be completed at their next edit.`,
        });
      }
    } else if (fc.change === "uniqueAdded") {
      const duplicates = await countDuplicates(store, object, field);
      if (duplicates > 0) {
        impacts.push({
          object,
          field,
          severity: "blocking",
          code: "field.uniqueAdded",
          records: duplicates,
          message: `"${field}" cannot become unique: ${duplicates} record(s) share a value with another. Fix them first.`,
        });
      }
    }
  }
  void prior;
  return impacts;
};

const stillAnOption = (field: ObjectDefinition["fields"][number], value: unknown): boolean => {
  if (field.type !== "picklist" && field.type !== "multiPicklist") return true;
  const allowed = new Set(field.options.map((o) => o.value));
  return Array.isArray(value) ? value.every((v) => allowed.has(String(v))) : allowed.has(String(value));
};

const countDuplicates = async (store: TenantStore, object: string, field: string): Promise<number> => {
  const seen = new Map<string, number>();
  for await (const record of scanRecords(store, object)) {
    const value = record[field];
    if (value === undefined) continue;
    const k = JSON.stringify(value);
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return [...seen.values()].filter((n) => n > 1).reduce((a, b) => a + b, 0);
};

/** The impact of a change set on the tenant's existing records. */
export const assessImpact = async (
  store: TenantStore,
  previous: readonly MetadataDocument[],
  next: readonly MetadataDocument[],
  changes: readonly DocumentChange[],
): Promise<Impact[]> => {
  const prior = new Map(
    previous.filter((d) => d.kind === "object").map((d) => [d.name, d as ObjectDefinition]),
  );
  const now = new Map(next.filter((d) => d.kind === "object").map((d) => [d.name, d as ObjectDefinition]));
  const impacts: Impact[] = [];
  for (const change of changes) {
    if (change.kind !== "object") continue;
    if (change.change === "removed") {
      const records = await store.countRecords(change.name);
      if (records > 0) {
        impacts.push({
          object: change.name,
          severity: "destructive",
          code: "object.removed",
          records,
          message: `Removing object "${change.name}" deletes its ${records} record(s).`,
        });
      }
    } else if (change.change === "changed") {
      const before = prior.get(change.name);
      const after = now.get(change.name);
      if (before !== undefined && after !== undefined)
        impacts.push(...(await fieldImpacts(store, before, after, change)));
    }
  }
  return impacts;
};
