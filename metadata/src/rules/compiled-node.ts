import { type FieldRead, type FieldTest, fieldTestEvaluator } from "./compile-field-test.js";
import type { Evaluator } from "./evaluator.js";
import { isObjectLike } from "./js-coercion.js";

/** A compiled node; `constant` when its value is known at compile time (then `value` holds it). */
export interface Compiled {
  readonly evaluate: Evaluator;
  readonly constant: boolean;
  readonly value?: unknown;
  /** Set when the node tests one field against constants (`{"<": [{"var": "x"}, 5]}`). */
  readonly test?: FieldTest;
  /** Set when the node is `{"var": key}` of one segment with a scalar default. */
  readonly field?: FieldRead;
}

export const constant = (value: unknown): Compiled => ({ evaluate: () => value, constant: true, value });
export const computed = (evaluate: Evaluator): Compiled => ({ evaluate, constant: false });
export const tested = (test: FieldTest): Compiled => ({
  evaluate: fieldTestEvaluator(test),
  constant: false,
  test,
});
export const isScalarConstant = (node: Compiled): boolean => node.constant && !isObjectLike(node.value);
