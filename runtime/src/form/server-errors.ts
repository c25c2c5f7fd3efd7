import type { ErrorSchema } from "@rjsf/utils";
import type { ProblemDetail } from "../api/http.js";

export interface ServerErrors {
  /** Errors on the fields their JSON pointers name, as rjsf's `extraErrors`. */
  byField: ErrorSchema;
  /** Errors naming no field of the form (the whole record, or a field it does not show). */
  general: string[];
}

const decodeToken = (token: string): string => token.replace(/~1/g, "/").replace(/~0/g, "~");

/**
 * Places the problems of a refused save (422) on the form: each on the field its pointer names
 * (`/amount`, or `/address/city` inside a field), the rest above the form.
 */
export const placeServerErrors = (
  problems: readonly ProblemDetail[],
  fields: ReadonlySet<string>,
  describe: (problem: ProblemDetail) => string = (problem) => problem.message,
): ServerErrors => {
  const byField: Record<string, { __errors: string[] }> = {};
  const general: string[] = [];
  for (const problem of problems) {
    const [first, ...rest] = problem.path.startsWith("/") ? problem.path.slice(1).split("/") : [];
    const field = first === undefined ? undefined : decodeToken(first);
    if (field === undefined || field === "" || !fields.has(field)) {
      general.push(describe(problem));
      continue;
    }
    const suffix = rest.length === 0 ? "" : ` (${rest.map(decodeToken).join(" / ")})`;
    const errors = byField[field]?.__errors ?? [];
    errors.push(`${describe(problem)}${suffix}`);
    byField[field] = { __errors: errors };
  }
  return { byField: byField as ErrorSchema, general };
};
