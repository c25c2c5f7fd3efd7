import type { CompareOperator, FilterNode } from "@tessera/metadata";
import type { Document, Filter } from "mongodb";
import { documentKey } from "./document-fields.js";
import { LOWER_CASE_KEY } from "./record-document.js";
import { regexLiteral } from "./regex-literal.js";

type Scalar = string | number | boolean;
type Ordered = string | number;

/** Matches no document: every document has an `_id`, none has one in the empty list. */
export const matchNothing = (): Filter<Document> => ({ _id: { $in: [] } });

/**
 * MongoDB applies a condition on a field holding an array to its elements (`{f: 5}` matches
 * `[5]`); evaluateFilter never looks into arrays except for `includes`, so every other condition
 * carries this guard.
 */
const NOT_ARRAY = { $not: { $type: "array" } } as const;

/**
 * Compiles a filter to a MongoDB query selecting exactly the documents (see record-document.ts)
 * whose records `evaluateFilter` accepts. Field names become document keys only through
 * `documentKey` (which refuses anything but field names) and every filter value sits in operator
 * position as an operand (`$eq`, `$in`, ...), checked to be a JSON scalar, so no value can become
 * an operator. Text for `contains` and `startsWith` is escaped into a literal pattern, matched
 * against the lower-case copies record-document.ts keeps.
 *
 * One difference from evaluateFilter MongoDB cannot avoid: strings order by UTF-8 bytes (code
 * points) rather than UTF-16 code units, which disagrees only between characters beyond U+FFFF
 * and U+E000..U+FFFF (SQLite orders them as MongoDB does).
 */
export const filterToMongo = (node: FilterNode): Filter<Document> => {
  switch (node.op) {
    case "true":
      return {};
    case "and":
      return node.children.length === 0 ? {} : { $and: node.children.map(filterToMongo) };
    case "or":
      return node.children.length === 0 ? matchNothing() : { $or: node.children.map(filterToMongo) };
    case "not":
      // $nor of one clause is plain negation: it also holds where the field is absent.
      return { $nor: [filterToMongo(node.child)] };
    case "missing":
      return missing(documentKey(node.field));
    case "compare":
      return compare(documentKey(node.field), node.operator, scalarOrNull(node.value));
    case "between":
      return between(node);
    case "in":
      return inList(documentKey(node.field), node.values);
    case "contains":
      return textMatch(documentKey(node.field), regexLiteral(text(node.value).toLowerCase()));
    case "startsWith":
      return textMatch(documentKey(node.field), `^${regexLiteral(text(node.value).toLowerCase())}`);
    case "includes":
      // On an array, `$eq` looks at the top-level elements only: `[["a"]]` does not hold "a".
      return { [documentKey(node.field)]: { $type: "array", $eq: text(node.value) } };
    default:
      return unknownNode(node);
  }
};

/** Absent or null, and not an array holding null. */
export const missing = (key: string): Filter<Document> => ({ [key]: { $eq: null, ...NOT_ARRAY } });

/** The field equals `value` with the same JSON type (MongoDB never equates values of two types). */
export const equals = (key: string, value: Scalar | null): Filter<Document> =>
  value === null ? missing(key) : { [key]: { $eq: value, ...NOT_ARRAY } };

const compare = (key: string, operator: CompareOperator, value: Scalar | null): Filter<Document> => {
  switch (operator) {
    case "==":
      return equals(key, value);
    case "!=":
      return { $nor: [equals(key, value)] };
    default:
      if (value === null || typeof value === "boolean") return matchNothing();
      return range(key, value, { [RANGE_OPERATORS[operator]]: value });
  }
};

const RANGE_OPERATORS = { "<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte" } as const;

const between = (node: Extract<FilterNode, { op: "between" }>): Filter<Document> => {
  const key = documentKey(node.field);
  const low = ordered(node.low);
  const high = ordered(node.high);
  // A value has one type, so bounds of two types admit none.
  if (typeof low !== typeof high) return matchNothing();
  return range(key, low, {
    [node.lowInclusive ? "$gte" : "$gt"]: low,
    [node.highInclusive ? "$lte" : "$lt"]: high,
  });
};

/**
 * MongoDB's comparison operators only compare within one type bracket already; the explicit
 * `$type` keeps that independent of the server's bracketing rules.
 */
const range = (key: string, sample: Ordered, bounds: Record<string, Ordered>): Filter<Document> => ({
  [key]: { ...bounds, $type: typeof sample === "number" ? "number" : "string", ...NOT_ARRAY },
});

const inList = (key: string, values: ReadonlyArray<string | number>): Filter<Document> => {
  const listed = values.map(ordered);
  return listed.length === 0 ? matchNothing() : { [key]: { $in: listed, ...NOT_ARRAY } };
};

/**
 * A string whose lower case matches `pattern` (a literal of the lower-cased needle): its
 * lower-case copy when it has one, else the string itself, which is then its own lower case.
 * Case-sensitive on both sides, so the match is exactly evaluateFilter's
 * `value.toLowerCase().includes(needle.toLowerCase())`.
 */
const textMatch = (key: string, pattern: string): Filter<Document> => {
  const copy = `${LOWER_CASE_KEY}.${key}`;
  return {
    $or: [
      { [copy]: { $regex: pattern } },
      { [key]: { $regex: pattern, $type: "string", ...NOT_ARRAY }, [copy]: { $exists: false } },
    ],
  };
};

// Filters are typed, but they also arrive from stored JSON: a value that is not a JSON scalar
// (an object such as {"$gt": ""}, NaN) is refused rather than passed to the server.
const scalarOrNull = (value: unknown): Scalar | null => {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new TypeError("A filter value must be a string, a finite number, a boolean or null");
};

const ordered = (value: unknown): Ordered => {
  if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) return value;
  throw new TypeError("A filter value must be a string or a finite number");
};

const text = (value: unknown): string => {
  if (typeof value === "string") return value;
  throw new TypeError("A filter value must be a string");
};

const unknownNode = (node: never): never => {
  throw new TypeError(`Unknown filter node: ${JSON.stringify((node as { op?: unknown }).op)}`);
};
