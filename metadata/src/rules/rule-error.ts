/**
 * Why a rule could not be evaluated. `path` is a JSON pointer into the rule (`/and/1/==/0`), so an
 * editor can highlight the offending part; `code` is stable (`rule.unknownOperator`,
 * `rule.operatorNotAllowed`, `rule.budgetExceeded`, `rule.invalidArguments`).
 */
export class RuleError extends Error {
  override readonly name = "RuleError";
  readonly code: string;
  readonly path: string;

  constructor(code: string, message: string, path = "") {
    super(message);
    this.code = code;
    this.path = path;
  }
}
