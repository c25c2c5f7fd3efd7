// The public face of the rule language.
export { fieldsRead, rootFieldsRead } from "./analyze.js";
export type { RuleLimits, RuleProblem } from "./check-rule.js";
export { checkRule, RULE_MAX_DEPTH, RULE_MAX_NODES } from "./check-rule.js";
export type { CompiledRule } from "./compile.js";
export { compileRule } from "./compile.js";
export { evaluateRule } from "./evaluate.js";
export * from "./filter.js";
export { RuleError } from "./rule-error.js";
export type { RuleOptions } from "./rule-options.js";
export { DEFAULT_MAX_DEPTH, DEFAULT_MAX_OPERATIONS, DEFAULT_MAX_STRING_LENGTH } from "./rule-options.js";
