import type { RecordSystemFields } from "../store-port.js";

/** How a system field is stored: its own column of every record table, never missing. */
export interface SystemColumn {
  column: string;
  valueKind: "string" | "number";
}

export const SYSTEM_COLUMNS: { readonly [F in keyof RecordSystemFields]: SystemColumn } = {
  id: { column: "id", valueKind: "string" },
  version: { column: "version", valueKind: "number" },
  ownerId: { column: "owner_id", valueKind: "string" },
  createdAt: { column: "created_at", valueKind: "string" },
  createdBy: { column: "created_by", valueKind: "string" },
  updatedAt: { column: "updated_at", valueKind: "string" },
  updatedBy: { column: "updated_by", valueKind: "string" },
};

export const SYSTEM_FIELD_NAMES = Object.keys(SYSTEM_COLUMNS) as Array<keyof RecordSystemFields>;

const systemColumnOf = (field: string): SystemColumn | undefined =>
  Object.hasOwn(SYSTEM_COLUMNS, field) ? SYSTEM_COLUMNS[field as keyof RecordSystemFields] : undefined;

/**
 * Where a query finds a field's value. A column holds a system field. Any other field lives in the
 * JSONB `data` column: `value` is its SQL value (`->>`: strings as TEXT, numbers as INTEGER/REAL,
 * booleans as 1/0, arrays and objects as JSON TEXT, missing and JSON null as NULL) and `type` its
 * JSON type (`json_type`: 'text', 'integer', 'real', 'true', 'false', 'array', ...; NULL when absent);
 * `path` is the JSON path as an SQL literal.
 * Expression indexes are built from exactly these `value` expressions, so that SQLite matches them.
 */
export type FieldAccess =
  | { kind: "column"; value: string; valueKind: "string" | "number" }
  | { kind: "json"; value: string; type: string; path: string };

/** A path segment: keeps every JSON path literal free of quotes, dots and brackets. */
const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Segments evaluateFilter never reads (prototype members), so the store must not either. */
const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);
const MAX_SEGMENTS = 8;

/** An SQL string literal. Only for identifiers-derived text that is part of the query's shape. */
const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** A quoted SQL identifier. */
export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * The SQLite JSON path of a field (`$.amount`; a dotted name walks nested objects like `var`).
 * Throws a RangeError for names that are not plain identifiers: a field name is part of the SQL
 * text (expression indexes need literal paths), so it is checked, never escaped into shape.
 */
const jsonPathOf = (field: string): string => {
  const segments = field.split(".");
  if (segments.length > MAX_SEGMENTS) throw new RangeError(`Field path too deep: ${field}`);
  for (const segment of segments) {
    if (!SEGMENT.test(segment) || FORBIDDEN_SEGMENTS.has(segment)) {
      throw new RangeError(`Not a storable field name: ${field}`);
    }
  }
  return `$.${segments.join(".")}`;
};

export const fieldAccess = (field: string): FieldAccess => {
  const system = systemColumnOf(field);
  if (system !== undefined) return { kind: "column", value: system.column, valueKind: system.valueKind };
  const path = sqlString(jsonPathOf(field));
  return { kind: "json", value: `data ->> ${path}`, type: `json_type(data, ${path})`, path };
};
