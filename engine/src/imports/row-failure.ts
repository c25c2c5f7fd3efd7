import { EngineError } from "../errors/engine-error.js";
import { StoreError } from "../store/store-port.js";
import type { RowError } from "./prepare-rows.js";
import type { RowPlan } from "./row-plan.js";

const fieldOfPath = (path: string): string | undefined => {
  const token = path.split("/")[1];
  return token === undefined || token === "" ? undefined : token.replace(/~1/g, "/").replace(/~0/g, "~");
};

/**
 * Why the pipeline refused a row, per column: each problem's pointer names a field, reported under
 * the column that fills it (null when no column does). Undefined for a failure that is not the
 * row's (the store or the server failing), which must stop the run rather than fail every row.
 */
export const rowErrorsOf = (plan: RowPlan, error: unknown): RowError[] | undefined => {
  if (error instanceof EngineError) {
    if (error.errors.length === 0) return [{ column: null, message: error.title }];
    return error.errors.map((problem) => {
      const field = fieldOfPath(problem.path);
      return { column: field === undefined ? null : plan.columnOf(field), message: problem.message };
    });
  }
  if (error instanceof StoreError && error.code === "uniqueViolation")
    return [
      {
        column: error.field === undefined ? null : plan.columnOf(error.field),
        message: `Another record already has this "${error.field ?? "value"}".`,
      },
    ];
  return undefined;
};
