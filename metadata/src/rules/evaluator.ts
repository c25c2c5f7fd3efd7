import { NO_PLAIN_OBJECT, objectPrototypeIsClean, type PlainObjectCache } from "./read-path.js";

/** One compiled rule node: evaluates against `data`, spending the evaluation's budget from `meter`. */
export type Evaluator = (data: unknown, meter: Meter) => unknown;

/** Per-evaluation state of a compiled rule. */
export interface Meter extends PlainObjectCache {
  operations: number;
}

export const newMeter = (): Meter => ({
  plain: NO_PLAIN_OBJECT,
  previous: NO_PLAIN_OBJECT,
  prototypeClean: objectPrototypeIsClean(),
  operations: 0,
});
