import type { CompareOperator, FilterNode } from "@tessera/metadata";
import { type FieldAccess, fieldAccess } from "./field-access.js";
import { LOWER_FUNCTION } from "./unicode-lower.js";

export type SqlParam = string | number | null;

/** A WHERE condition over one record table: field values come from its columns and `data`. */
export interface SqlCondition {
  sql: string;
  params: SqlParam[];
}

/**
 * Compiles a filter to an SQLite condition that selects exactly the records `evaluateFilter`
 * accepts. Invariant: every compiled condition is 0 or 1, never NULL, for every record (each leaf
 * tests the JSON type or uses `IS` before comparing), so `NOT` is plain negation as in the reference
 * semantics. Values are always bound parameters; field names become JSON path literals only after
 * `fieldAccess` has checked them, so expression indexes on `data ->> '$.field'` apply.
 */
export const filterToSql = (node: FilterNode): SqlCondition => {
  const params: SqlParam[] = [];
  return { sql: compile(node, params), params };
};

const TRUE = "1";
const FALSE = "0";
const NUMBER_TYPE = (type: string) => `coalesce(${type}, '') IN ('integer', 'real')`;

const compile = (node: FilterNode, params: SqlParam[]): string => {
  switch (node.op) {
    case "and":
      return node.children.length === 0
        ? TRUE
        : `(${node.children.map((c) => compile(c, params)).join(" AND ")})`;
    case "or":
      return node.children.length === 0
        ? FALSE
        : `(${node.children.map((c) => compile(c, params)).join(" OR ")})`;
    case "not":
      return `(NOT ${compile(node.child, params)})`;
    case "true":
      return TRUE;
    case "missing": {
      const access = fieldAccess(node.field);
      return access.kind === "column" ? FALSE : `(${access.value} IS NULL)`;
    }
    case "compare":
      return compare(fieldAccess(node.field), node.operator, node.value, params);
    case "between":
      return between(node, params);
    case "in":
      return membership(fieldAccess(node.field), node.values, params);
    case "contains":
      return caseInsensitive(fieldAccess(node.field), node.value, "> 0", params);
    case "startsWith":
      return caseInsensitive(fieldAccess(node.field), node.value, "= 1", params);
    case "includes":
      return includes(fieldAccess(node.field), node.value, params);
  }
};

const negate = (sql: string): string => (sql === TRUE ? FALSE : sql === FALSE ? TRUE : `(NOT ${sql})`);

const compare = (
  access: FieldAccess,
  operator: CompareOperator,
  value: string | number | boolean | null,
  params: SqlParam[],
): string => {
  if (operator === "==") return equality(access, value, params);
  if (operator === "!=") return negate(equality(access, value, params));
  if (value === null || typeof value === "boolean") return FALSE;
  return ordered(access, [[operator, value]], params);
};

/** `==`: same JSON type and equal; `== null` means missing. */
const equality = (
  access: FieldAccess,
  value: string | number | boolean | null,
  params: SqlParam[],
): string => {
  if (access.kind === "column") {
    // System columns are never NULL and hold one type; another type is never equal.
    if (value === null || typeof value !== access.valueKind) return FALSE;
    params.push(value as string | number);
    return `(${access.value} = ?)`;
  }
  if (value === null) return `(${access.value} IS NULL)`;
  if (typeof value === "boolean") return `(${access.type} IS '${value}')`;
  params.push(value);
  // `IS` is false, never NULL, for a missing value. `->>` gives arrays and objects as JSON text and
  // booleans as 1/0: only a string that looks like JSON text, or the numbers 0 and 1, need the type.
  if (typeof value === "string") {
    return /^[[{]/.test(value)
      ? `(${access.value} IS ? AND ${access.type} IS 'text')`
      : `(${access.value} IS ?)`;
  }
  return value === 0 || value === 1
    ? `(${access.value} IS ? AND ${access.type} NOT IN ('true', 'false'))`
    : `(${access.value} IS ?)`;
};

type Bound = [CompareOperator, string | number];

/** `value op bound` for every bound, all of the bound's type (numbers, or strings in binary order). */
const ordered = (access: FieldAccess, bounds: readonly Bound[], params: SqlParam[]): string => {
  const kind = typeof bounds[0]?.[1];
  if (bounds.some(([, bound]) => typeof bound !== kind)) return FALSE;
  let guard: string;
  if (access.kind === "column") {
    if (kind !== access.valueKind) return FALSE;
    guard = "";
  } else {
    guard = kind === "string" ? `${access.type} IS 'text' AND ` : `${NUMBER_TYPE(access.type)} AND `;
  }
  const tests = bounds.map(([operator, bound]) => {
    params.push(bound);
    return `${access.value} ${operator} ?`;
  });
  return `(${guard}${tests.join(" AND ")})`;
};

const between = (node: Extract<FilterNode, { op: "between" }>, params: SqlParam[]): string =>
  ordered(
    fieldAccess(node.field),
    [
      [node.lowInclusive ? ">=" : ">", node.low],
      [node.highInclusive ? "<=" : "<", node.high],
    ],
    params,
  );

/** `in`: a string or number strictly equal to one of the values. */
const membership = (
  access: FieldAccess,
  values: ReadonlyArray<string | number>,
  params: SqlParam[],
): string => {
  const parts: string[] = [];
  for (const kind of ["string", "number"] as const) {
    const listed = values.filter((v) => typeof v === kind);
    if (listed.length === 0) continue;
    let guard: string;
    if (access.kind === "column") {
      if (access.valueKind !== kind) continue;
      guard = "";
    } else {
      guard = kind === "string" ? `${access.type} IS 'text' AND ` : `${NUMBER_TYPE(access.type)} AND `;
    }
    // One JSON parameter whatever the list's length: no bound-parameter limit, one cached statement.
    params.push(JSON.stringify(listed));
    parts.push(`(${guard}${access.value} IN (SELECT value FROM json_each(?)))`);
  }
  if (parts.length === 0) return FALSE;
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(" OR ")})`;
};

/** contains (`> 0`) / startsWith (`= 1`) on lower-cased strings; `instr` counts characters. */
const caseInsensitive = (
  access: FieldAccess,
  value: string,
  position: string,
  params: SqlParam[],
): string => {
  let guard: string;
  if (access.kind === "column") {
    if (access.valueKind !== "string") return FALSE;
    guard = TRUE;
  } else {
    guard = `${access.type} IS 'text'`;
  }
  const needle = value.toLowerCase();
  if (needle === "") return `(${guard})`;
  params.push(needle);
  return `(${guard} AND instr(${LOWER_FUNCTION}(${access.value}), ?) ${position})`;
};

/** includes: an array with an element that is this exact string. */
const includes = (access: FieldAccess, value: string, params: SqlParam[]): string => {
  if (access.kind === "column") return FALSE;
  params.push(value);
  return `(${access.type} IS 'array' AND EXISTS (SELECT 1 FROM json_each(data, ${access.path}) AS e WHERE e.type = 'text' AND e.value = ?))`;
};
