import type { RuleProblem } from "./check-rule.js";
import type { FilterOperator } from "./filter-operator.js";

/** How a field's values look to a filter: which literals it may be compared with. */
export type FilterValueKind = "string" | "number" | "boolean" | "date" | "datetime" | "time" | "array";

/** What a filter needs to know about one field: its type, the operators the type allows, its value kind. */
export interface FilterField {
  type: string;
  operators: readonly FilterOperator[];
  valueKind: FilterValueKind;
}

export type CompareOperator = "==" | "!=" | "<" | "<=" | ">" | ">=";

/**
 * A parsed filter: the storable subset of JsonLogic as a small tree each store compiles to its own
 * query. Dates are `YYYY-MM-DD`, datetimes ISO 8601 in UTC with milliseconds (`toISOString()`),
 * so both compare correctly as strings. Semantics: `evaluateFilter`.
 */
export type FilterNode =
  | { op: "and"; children: FilterNode[] }
  | { op: "or"; children: FilterNode[] }
  | { op: "not"; child: FilterNode }
  | { op: "compare"; field: string; operator: CompareOperator; value: string | number | boolean | null }
  | { op: "in"; field: string; values: Array<string | number> }
  | { op: "contains"; field: string; value: string }
  | { op: "includes"; field: string; value: string }
  | { op: "startsWith"; field: string; value: string }
  | {
      op: "between";
      field: string;
      low: string | number;
      high: string | number;
      lowInclusive: boolean;
      highInclusive: boolean;
    }
  | { op: "missing"; field: string }
  | { op: "true" };

export type FilterParse = { ok: true; filter: FilterNode } | { ok: false; problems: RuleProblem[] };

export interface FilterParseOptions {
  /** Clock for `today` and `now` in filter values, resolved when the filter is parsed. */
  now?: () => Date;
  /** Most conditions a filter may have (default 100). */
  maxConditions?: number;
}
