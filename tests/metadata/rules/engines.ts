import { compileRule } from "../../../metadata/src/rules/compile.js";
import { evaluateRule } from "../../../metadata/src/rules/evaluate.js";
import type { RuleOptions } from "../../../metadata/src/rules/rule-options.js";

/** Both ways of running a rule; behaviour tests run on each. */
export const ENGINES: ReadonlyArray<
  [string, (rule: unknown, data?: unknown, options?: RuleOptions) => unknown]
> = [
  ["evaluateRule", (rule, data, options) => evaluateRule(rule, data, options)],
  ["compileRule", (rule, data, options) => compileRule(rule, options)(data)],
];

/** The error a run throws (or undefined), for asserting on `code` and `path`. */
export const errorOf = (
  run: () => unknown,
): { code?: unknown; path?: unknown; message?: unknown; name?: unknown } | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error as { code?: unknown; path?: unknown; message?: unknown; name?: unknown };
  }
};

/** `{"!": {"!": ... value}}` nested `depth` times, built without recursion. */
export const nested = (depth: number, value: unknown = true): unknown => {
  let rule = value;
  for (let i = 0; i < depth; i += 1) rule = { "!": [rule] };
  return rule;
};
