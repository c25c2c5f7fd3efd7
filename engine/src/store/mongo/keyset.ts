import type { JsonValue } from "@tessera/metadata";
import type { Document, Filter } from "mongodb";
import type { SortKey } from "../store-port.js";
import { documentKey } from "./document-fields.js";
import { equals, matchNothing, missing } from "./filter-to-mongo.js";

type CursorValue = string | number | boolean | null;

interface OrderKey {
  key: string;
  direction: 1 | -1;
  /** Where the cursor holds this key's value. */
  position: number;
}

/**
 * The keys a page is really ordered by: the sort keys without repeats, ending with `id` (appended
 * ascending when the sort does not name it; keys after it could never decide an order).
 */
const orderKeys = (sort: readonly SortKey[]): OrderKey[] => {
  const keys: OrderKey[] = [];
  const seen = new Set<string>();
  for (const [position, { field, direction }] of sort.entries()) {
    const key = documentKey(field);
    if (seen.has(key)) continue;
    seen.add(key);
    keys.push({ key, direction: direction === "desc" ? -1 : 1, position });
    if (key === "_id") return keys;
  }
  keys.push({ key: "_id", direction: 1, position: sort.length });
  return keys;
};

/** The MongoDB sort of a query: its sort keys, then `_id` ascending as the tie-breaker. */
export const sortSpec = (sort: readonly SortKey[]): Record<string, 1 | -1> => {
  const spec: Record<string, 1 | -1> = {};
  for (const { key, direction } of orderKeys(sort)) spec[key] = direction;
  return spec;
};

/**
 * MongoDB orders values of different types by type bracket: absent and null first, then numbers,
 * strings, objects, (arrays by their elements), booleans. A cursor holds a scalar, so the
 * brackets it can name are these.
 */
const LATER_TYPES = {
  number: ["string", "object", "bool"],
  string: ["object", "bool"],
  boolean: [],
} as const;
const EARLIER_TYPES = { number: [], string: ["number"], boolean: ["number", "string", "object"] } as const;

/**
 * Documents sorting strictly after the cursor under `sortSpec(sort)`: `after` holds the values of
 * the sort keys (null for a missing value), then the `id`, of the last record of the previous
 * page. Missing values sort lowest ascending and highest descending, as MongoDB sorts them.
 */
export const keysetCondition = (sort: readonly SortKey[], after: readonly JsonValue[]): Filter<Document> => {
  const keys = orderKeys(sort);
  const values = keys.map(({ position }) => cursorValue(after[position]));
  const branches: Filter<Document>[] = [];
  for (const [index, { key, direction }] of keys.entries()) {
    const beyond = strictlyAfter(key, direction, values[index] ?? null);
    if (beyond === undefined) continue;
    const tied = keys.slice(0, index).map((earlier, i) => equals(earlier.key, values[i] ?? null));
    branches.push(tied.length === 0 ? beyond : { $and: [...tied, beyond] });
  }
  if (branches.length === 0) return matchNothing();
  return branches.length === 1 ? (branches[0] as Filter<Document>) : { $or: branches };
};

/** Values of `key` strictly after `value` in `direction`; undefined when none can be. */
const strictlyAfter = (key: string, direction: 1 | -1, value: CursorValue): Filter<Document> | undefined => {
  if (value === null) return direction === 1 ? { $nor: [missing(key)] } : undefined;
  // Every record has an id, and it is a string.
  if (key === "_id") return { _id: { [direction === 1 ? "$gt" : "$lt"]: value } };
  const within = { [key]: { [direction === 1 ? "$gt" : "$lt"]: value, $type: bracketOf(value) } };
  const type = typeof value as "number" | "string" | "boolean";
  const types: readonly string[] = direction === 1 ? LATER_TYPES[type] : EARLIER_TYPES[type];
  const others: Filter<Document>[] = types.length === 0 ? [] : [{ [key]: { $type: [...types] } }];
  // Descending, missing values come last, so after every present value.
  if (direction === -1) others.push(missing(key));
  return others.length === 0 ? within : { $or: [within, ...others] };
};

const bracketOf = (value: string | number | boolean): string =>
  typeof value === "boolean" ? "bool" : typeof value;

const cursorValue = (value: JsonValue | undefined): CursorValue => {
  if (value === undefined) throw new RangeError("The cursor has fewer values than the sort has keys");
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new RangeError("A cursor value must be a string, a finite number, a boolean or null");
};
