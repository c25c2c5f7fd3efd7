import type { JsonValue, Locale, ReportSort } from "@tessera/metadata";
import { keyId } from "./group-labels.js";
import type { ReportField } from "./report-fields.js";

export type ReportValue = number | string | null;

export interface GroupRow {
  keys: JsonValue[];
  values: ReportValue[];
}

/** Orders the keys of one grouping ascending; "(empty)" always comes last. */
export type KeyOrder = (a: JsonValue, b: JsonValue) => number;

const TYPE_RANK: Readonly<Record<string, number>> = { boolean: 0, number: 1, string: 2, object: 3 };

const byValue =
  (strings: (a: string, b: string) => number): KeyOrder =>
  (a, b) => {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    if (typeof a !== typeof b) return (TYPE_RANK[typeof a] ?? 9) - (TYPE_RANK[typeof b] ?? 9);
    if (typeof a === "number" && typeof b === "number") return a - b;
    if (typeof a === "boolean") return a ? 1 : -1;
    if (typeof a === "string" && typeof b === "string") return strings(a, b);
    return strings(JSON.stringify(a), JSON.stringify(b));
  };

const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The natural order of a grouping's keys: picklist values in the order of their options (values no
 * longer among them after those), lookups and users by the name shown, date buckets
 * chronologically, text in the caller's collation, numbers and booleans by value.
 */
export const keyOrder = (
  field: ReportField,
  bucketed: boolean,
  labels: ReadonlyMap<string, string>,
  locale: Locale,
): KeyOrder => {
  const collator = new Intl.Collator(locale, { numeric: true });
  const definition = field.definition;
  if (definition?.type === "picklist") {
    const rank = new Map(definition.options.map((o, i) => [o.value, i]));
    const plain = byValue(codeUnits);
    return (a, b) => {
      const ra = typeof a === "string" ? (rank.get(a) ?? rank.size) : rank.size;
      const rb = typeof b === "string" ? (rank.get(b) ?? rank.size) : rank.size;
      return a === null || b === null || ra === rb ? plain(a, b) : ra - rb;
    };
  }
  if (field.target !== undefined) {
    const label = (key: JsonValue) => labels.get(keyId(key)) ?? "";
    const plain = byValue(codeUnits);
    return (a, b) =>
      a === null || b === null ? plain(a, b) : collator.compare(label(a), label(b)) || plain(a, b);
  }
  return byValue(bucketed ? codeUnits : (a, b) => collator.compare(a, b) || codeUnits(a, b));
};

interface Ordering {
  orders: readonly KeyOrder[];
  sort?: ReportSort;
  limit?: number;
  /** With two groupings: the measures of each group of the first one, to sort those groups by. */
  firstLevel?: ReadonlyMap<string, readonly ReportValue[]>;
}

const byMeasure =
  (index: number, direction: 1 | -1) => (a: readonly ReportValue[], b: readonly ReportValue[]) => {
    const x = a[index] ?? null;
    const y = b[index] ?? null;
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * direction;
  };

/**
 * Rows in report order: the groups of the first grouping by the report's sort (its keys' natural
 * order by default, or a measure, "(empty)" last either way), each group's rows by the second
 * grouping the same way; then only the first `limit` groups of the first grouping.
 */
export const orderGroups = (
  rows: readonly GroupRow[],
  ordering: Ordering,
): { rows: GroupRow[]; truncated: boolean } => {
  const { orders, sort, limit, firstLevel } = ordering;
  const direction = sort?.direction === "desc" ? -1 : 1;
  const measure = sort?.by === "measure" ? byMeasure(sort.measure ?? 0, direction) : undefined;
  const keyAt = (level: number) => (a: JsonValue, b: JsonValue) => {
    const order = orders[level] ?? byValue(codeUnits);
    const natural = order(a, b);
    // "(empty)" stays last when the order is reversed.
    return a === null || b === null || sort?.by === "measure" ? natural : natural * direction;
  };
  const groups = new Map<string, { key: JsonValue; rows: GroupRow[] }>();
  for (const row of rows) {
    const key = row.keys[0] ?? null;
    const group = groups.get(keyId(key)) ?? { key, rows: [] };
    group.rows.push(row);
    groups.set(keyId(key), group);
  }
  const valuesOf = (group: { key: JsonValue; rows: GroupRow[] }) =>
    firstLevel?.get(keyId(group.key)) ?? group.rows[0]?.values ?? [];
  const ordered = [...groups.values()].sort(
    (a, b) => (measure === undefined ? 0 : measure(valuesOf(a), valuesOf(b))) || keyAt(0)(a.key, b.key),
  );
  const kept = limit === undefined ? ordered : ordered.slice(0, limit);
  const out = kept.flatMap((group) =>
    [...group.rows].sort(
      (a, b) =>
        (measure === undefined ? 0 : measure(a.values, b.values)) ||
        keyAt(1)(a.keys[1] ?? null, b.keys[1] ?? null),
    ),
  );
  return { rows: out, truncated: kept.length < ordered.length };
};
