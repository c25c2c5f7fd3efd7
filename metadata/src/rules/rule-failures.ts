import { REFUSED_OPERATORS } from "./operator-names.js";
import { RuleError } from "./rule-error.js";

/** The error for an operator outside the language, or refused by it (`log`). */
export const operatorError = (name: string, path: string): RuleError =>
  REFUSED_OPERATORS.has(name)
    ? new RuleError("rule.operatorNotAllowed", `The "${name}" operation is not allowed in rules`, path)
    : new RuleError("rule.unknownOperator", `Unknown operation "${name}"`, path);

export const tooDeep = (maxDepth: number, path: string): RuleError =>
  new RuleError("rule.budgetExceeded", `The rule is nested more than ${maxDepth} levels deep`, path);

export const tooManyOperations = (maxOperations: number, path: string): RuleError =>
  new RuleError("rule.budgetExceeded", `The rule needed more than ${maxOperations} operations`, path);

export const stringTooLong = (maxLength: number, path: string): RuleError =>
  new RuleError("rule.budgetExceeded", `The rule built a text longer than ${maxLength} characters`, path);
