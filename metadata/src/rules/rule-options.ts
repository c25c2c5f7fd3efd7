/** Limits and clock of one evaluation. Budgets make hostile or runaway rules fail fast instead of hanging. */
export interface RuleOptions {
  /** Clock read by `today` and `now`; the system clock when absent. */
  now?: () => Date;
  /** Deepest nesting of operations and arrays a rule may have (default 64). */
  maxDepth?: number;
  /** Operations per evaluation; each iteration of map, filter, reduce, all, some and none counts (default 100 000). */
  maxOperations?: number;
  /** Longest string `cat` may build (default 1 000 000), so repeated concatenation cannot exhaust memory. */
  maxStringLength?: number;
}

export const DEFAULT_MAX_DEPTH = 64;
export const DEFAULT_MAX_OPERATIONS = 100_000;
export const DEFAULT_MAX_STRING_LENGTH = 1_000_000;

export interface RuleSettings {
  readonly now: () => Date;
  readonly maxDepth: number;
  readonly maxOperations: number;
  readonly maxStringLength: number;
}

const systemClock = (): Date => new Date();

export const ruleSettings = (options: RuleOptions = {}): RuleSettings => ({
  now: options.now ?? systemClock,
  maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
  maxOperations: options.maxOperations ?? DEFAULT_MAX_OPERATIONS,
  maxStringLength: options.maxStringLength ?? DEFAULT_MAX_STRING_LENGTH,
});
