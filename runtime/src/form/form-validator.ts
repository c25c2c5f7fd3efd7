import {
  type CustomValidator,
  createErrorHandler,
  type ErrorTransformer,
  type FormContextType,
  type RJSFSchema,
  type RJSFValidationError,
  toErrorSchema,
  type UiSchema,
  unwrapErrorHandler,
  type ValidationData,
  type ValidatorType,
  validationDataMerge,
} from "@rjsf/utils";
import { checkValue, type SchemaProblem } from "./schema-check.js";

/** Turns a problem into the sentence shown under the field, in the user's language. */
export type DescribeProblem = (problem: SchemaProblem) => string;

/** rjsf's property notation (`.amount`, `.lines.0.qty`), which its `toPath` splits back. */
const propertyOf = (path: SchemaProblem["path"]): string => (path.length === 0 ? "." : `.${path.join(".")}`);

const toValidationError = (problem: SchemaProblem, describe: DescribeProblem): RJSFValidationError => {
  const property = propertyOf(problem.path);
  const message = describe(problem);
  return {
    name: problem.keyword,
    property,
    message,
    params: problem.params,
    stack: `${property} ${message}`.trim(),
    schemaPath: `#/${problem.keyword}`,
  };
};

/**
 * rjsf's validator contract implemented on `checkValue` instead of ajv: ajv compiles schemas to
 * functions with `new Function`, which the runtime's CSP (no unsafe-eval) refuses.
 */
export const createFormValidator = <T = Record<string, unknown>, F extends FormContextType = FormContextType>(
  describe: DescribeProblem,
): ValidatorType<T, RJSFSchema, F> => ({
  validateFormData(
    formData: T | undefined,
    schema: RJSFSchema,
    customValidate?: CustomValidator<T, RJSFSchema, F>,
    transformErrors?: ErrorTransformer<T, RJSFSchema, F>,
    uiSchema?: UiSchema<T, RJSFSchema, F>,
  ): ValidationData<T> {
    let errors = checkValue(schema, formData, schema).map((problem) => toValidationError(problem, describe));
    if (transformErrors !== undefined) errors = transformErrors(errors, uiSchema);
    const validation: ValidationData<T> = { errors, errorSchema: toErrorSchema<T>(errors) };
    if (customValidate === undefined) return validation;
    const handler = customValidate(formData, createErrorHandler<T>(formData as T), uiSchema);
    return validationDataMerge<T>(validation, unwrapErrorHandler<T>(handler));
  },
  isValid(schema: RJSFSchema, formData: T | undefined, rootSchema: RJSFSchema): boolean {
    return checkValue(schema, formData, rootSchema).length === 0;
  },
  rawValidation<Result = SchemaProblem>(schema: RJSFSchema, formData?: T): { errors?: Result[] } {
    const problems = checkValue(schema, formData, schema);
    return problems.length === 0 ? {} : { errors: problems as unknown as Result[] };
  },
});
