import { OPERATIONS } from "./operations.js";

/** Operators that iterate over an array; their second argument runs once per item, with the item as data. */
export const ITERATION_OPERATORS: ReadonlySet<string> = new Set([
  "map",
  "filter",
  "reduce",
  "all",
  "some",
  "none",
]);

/** Operators that control evaluation themselves instead of receiving evaluated arguments. */
const SPECIAL_FORMS: ReadonlySet<string> = new Set([
  "if",
  "?:",
  "and",
  "or",
  "var",
  "missing",
  "missing_some",
  ...ITERATION_OPERATORS,
]);

/** Operators json-logic-js has and Tessera refuses: `log` writes to the console. */
export const REFUSED_OPERATORS: ReadonlySet<string> = new Set(["log"]);

export const isKnownOperator = (name: string): boolean => SPECIAL_FORMS.has(name) || OPERATIONS.has(name);
