import type { JsonValue } from "@tessera/metadata";
import { type FilterNode, isSystemField, parseFilter } from "@tessera/metadata";
import { EngineError, type ProblemDetail } from "../errors/engine-error.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import type { SortKey } from "../store/store-port.js";

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;
const MAX_SORT_KEYS = 5;
const MAX_QUERY_LENGTH = 200;

/** Query parameters of a list request, as strings (the HTTP layer never passes arrays). */
export interface ListParams {
  filter?: string;
  sort?: string;
  limit?: string;
  cursor?: string;
  q?: string;
  fields?: string;
  count?: string;
  /** `all` (default), `mine` (owned by the caller), `team` (owned by the caller or anyone below their role). */
  scope?: string;
}

export const LIST_SCOPES = ["all", "mine", "team"] as const;
export type ListScope = (typeof LIST_SCOPES)[number];

export interface ParsedList {
  filter?: FilterNode;
  sort: SortKey[];
  limit: number;
  after?: JsonValue[];
  q?: string;
  fields?: Set<string>;
  count: boolean;
  scope: ListScope;
}

const SORTABLE_KINDS = new Set(["string", "number", "boolean", "date", "datetime", "time"]);

/**
 * Resolves field names for filters, sorts and projections: only fields the user may read exist,
 * so a hidden field can never be used as an oracle (refused exactly like an unknown one).
 */
const visibleField = (object: CompiledObject, readable: ReadonlySet<string>) => (name: string) =>
  isSystemField(name) || readable.has(name) ? object.filterField(name) : undefined;

const parseJsonFilter = (
  object: CompiledObject,
  readable: ReadonlySet<string>,
  raw: string,
  errors: ProblemDetail[],
) => {
  let rule: unknown;
  try {
    rule = JSON.parse(raw);
  } catch {
    errors.push({ path: "/filter", code: "filter.notJson", message: "The filter is not valid JSON." });
    return undefined;
  }
  const parsed = parseFilter(rule, visibleField(object, readable));
  if (parsed.ok) return parsed.filter;
  for (const p of parsed.problems)
    errors.push({ path: `/filter${p.path}`, code: p.code, message: p.message });
  return undefined;
};

const parseSort = (
  object: CompiledObject,
  readable: ReadonlySet<string>,
  raw: string,
  errors: ProblemDetail[],
): SortKey[] => {
  const keys: SortKey[] = [];
  const parts = raw
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length > MAX_SORT_KEYS)
    errors.push({ path: "/sort", code: "sort.tooMany", message: `Sort by at most ${MAX_SORT_KEYS} fields.` });
  parts.slice(0, MAX_SORT_KEYS).forEach((part, i) => {
    const descending = part.startsWith("-");
    const name = descending ? part.slice(1) : part;
    const field = visibleField(object, readable)(name);
    if (field === undefined || !SORTABLE_KINDS.has(field.valueKind)) {
      errors.push({ path: `/sort/${i}`, code: "sort.unknownField", message: `Cannot sort by "${name}".` });
    } else if (keys.some((k) => k.field === name)) {
      errors.push({
        path: `/sort/${i}`,
        code: "sort.duplicate",
        message: `"${name}" appears twice in the sort.`,
      });
    } else keys.push({ field: name, direction: descending ? "desc" : "asc" });
  });
  return keys;
};

const parseLimit = (raw: string | undefined, errors: ProblemDetail[]): number => {
  if (raw === undefined) return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1 || limit > MAX_LIMIT) {
    errors.push({
      path: "/limit",
      code: "limit.outOfRange",
      message: `limit must be a whole number from 1 to ${MAX_LIMIT}.`,
    });
    return DEFAULT_LIMIT;
  }
  return limit;
};

/** Cursors are opaque to clients: base64url JSON of the sort they belong to and the last key. */
export const encodeCursor = (sort: readonly SortKey[], after: readonly JsonValue[]): string =>
  Buffer.from(JSON.stringify({ s: sortSignature(sort), a: after }), "utf8").toString("base64url");

const sortSignature = (sort: readonly SortKey[]) =>
  sort.map((k) => `${k.direction === "desc" ? "-" : ""}${k.field}`).join(",");

const decodeCursor = (
  raw: string,
  sort: readonly SortKey[],
  errors: ProblemDetail[],
): JsonValue[] | undefined => {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (typeof decoded === "object" && decoded !== null && "s" in decoded && "a" in decoded) {
      const { s, a } = decoded as { s: unknown; a: unknown };
      const scalar = (v: unknown) => v === null || ["string", "number", "boolean"].includes(typeof v);
      if (s === sortSignature(sort) && Array.isArray(a) && a.length === sort.length + 1 && a.every(scalar))
        return a as JsonValue[];
    }
  } catch {
    // fall through to the error below
  }
  errors.push({
    path: "/cursor",
    code: "cursor.invalid",
    message: "The cursor is not valid for this list; start again without it.",
  });
  return undefined;
};

/** Parses and checks list parameters; every problem is answered together with 400. */
export const parseListParams = (
  object: CompiledObject,
  readable: ReadonlySet<string>,
  params: ListParams,
): ParsedList => {
  const errors: ProblemDetail[] = [];
  const filter =
    params.filter === undefined || params.filter === ""
      ? undefined
      : parseJsonFilter(object, readable, params.filter, errors);
  const sort = params.sort === undefined ? [] : parseSort(object, readable, params.sort, errors);
  const limit = parseLimit(params.limit, errors);
  const after =
    params.cursor === undefined || params.cursor === ""
      ? undefined
      : decodeCursor(params.cursor, sort, errors);
  let q: string | undefined;
  if (params.q !== undefined && params.q.trim() !== "") {
    q = params.q.trim();
    if (q.length > MAX_QUERY_LENGTH)
      errors.push({
        path: "/q",
        code: "q.tooLong",
        message: `Search for at most ${MAX_QUERY_LENGTH} characters.`,
      });
  }
  let fields: Set<string> | undefined;
  if (params.fields !== undefined && params.fields !== "") {
    fields = new Set();
    params.fields.split(",").forEach((name, i) => {
      const trimmed = name.trim();
      // System fields come with every record; naming them is allowed and changes nothing.
      if (isSystemField(trimmed)) return;
      if (!readable.has(trimmed))
        errors.push({
          path: `/fields/${i}`,
          code: "fields.unknown",
          message: `"${object.name}" has no field "${trimmed}".`,
        });
      else fields?.add(trimmed);
    });
  }
  const scope = params.scope === undefined || params.scope === "" ? "all" : params.scope;
  if (!(LIST_SCOPES as readonly string[]).includes(scope))
    errors.push({ path: "/scope", code: "scope.unknown", message: "scope is all, mine or team." });
  if (errors.length > 0) throw new EngineError(400, "badRequest", "The list request is not valid", errors);
  return {
    scope: scope as ListScope,
    ...(filter !== undefined && { filter }),
    sort,
    limit,
    ...(after !== undefined && { after }),
    ...(q !== undefined && { q }),
    ...(fields !== undefined && { fields }),
    count: params.count === "true",
  };
};
