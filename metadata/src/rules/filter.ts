// The storable filter subset of JsonLogic: its IR, parser, canonical form and reference semantics.
export { evaluateFilter } from "./evaluate-filter.js";
export type {
  CompareOperator,
  FilterField,
  FilterNode,
  FilterParse,
  FilterParseOptions,
  FilterValueKind,
} from "./filter-node.js";
export { filterToJsonLogic } from "./filter-to-json-logic.js";
export { parseFilter } from "./parse-filter.js";
