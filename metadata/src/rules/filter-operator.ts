/**
 * Operators a filter may apply to a field. A field type lists the ones that make sense for it;
 * the filter validator refuses the rest. Each maps to a JsonLogic form:
 * - `==` `!=` `<` `<=` `>` `>=`: `{"<": [{"var": f}, v]}`
 * - `between`: `{"<=": [low, {"var": f}, high]}` (inclusive; with `<` exclusive)
 * - `in`: `{"in": [{"var": f}, [v1, v2]]}` (value is one of a list)
 * - `contains`: `{"in": ["text", {"var": f}]}` (substring of a text field)
 * - `includes`: `{"in": [v, {"var": f}]}` (a multi-value field holds v)
 * - `startsWith`: `{"startsWith": [{"var": f}, "prefix"]}`
 * - `missing`: `{"missing": [f]}` (null or absent)
 *
 * `parseFilter` (parse-filter.ts) also accepts `and`/`or`, `!`, `{"!!": {"var": f}}` (has a value),
 * comparisons written value-first, and `== null` / `!= null`; `evaluateFilter` (evaluate-filter.ts)
 * defines what each operator matches, including for missing values.
 */
export const FILTER_OPERATORS = [
  "==",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "between",
  "in",
  "contains",
  "includes",
  "startsWith",
  "missing",
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];
