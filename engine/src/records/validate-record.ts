import { type JsonObject, localize } from "@tessera/metadata";
import { EngineError, type ProblemDetail } from "../errors/engine-error.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import { pointerTo } from "./apply-input.js";
import type { RecordContext } from "./record-context.js";
import { ruleData, truthy } from "./rule-data.js";

const schemaProblems = (object: CompiledObject, values: JsonObject): ProblemDetail[] => {
  if (object.validate(values)) return [];
  return (object.validate.errors ?? []).map((error) => {
    const p = error.params as Record<string, unknown>;
    if (error.keyword === "required") {
      const field = String(p.missingProperty);
      return { path: pointerTo(field), code: "field.required", message: `"${field}" is required.` };
    }
    const field = error.instancePath.split("/")[1] ?? "";
    return {
      path: error.instancePath,
      code: `field.${error.keyword}`,
      message: `"${field}" ${error.message ?? "is not valid"}.`,
    };
  });
};

/**
 * Validates a record about to be stored: its JSON Schema (compiled per object version), then the
 * object's validation rules. Throws 422 listing every problem; the record is not written.
 */
export const validateRecord = (
  ctx: RecordContext,
  object: CompiledObject,
  values: JsonObject,
  system: JsonObject,
  previous?: JsonObject,
): void => {
  const problems = schemaProblems(object, values);
  if (problems.length === 0) {
    const data = ruleData(ctx, { ...system, ...values }, previous);
    for (const { rule, errorWhen } of object.validationRules) {
      let failed: boolean;
      try {
        failed = truthy(errorWhen(data));
      } catch {
        // A rule that cannot be evaluated refuses the record: fail closed.
        failed = true;
      }
      if (failed) {
        problems.push({
          path: rule.field === undefined ? "" : pointerTo(rule.field),
          code: `rule.${rule.name}`,
          message: localize(rule.message, ctx.locale) ?? rule.name,
        });
      }
    }
  }
  if (problems.length > 0) throw new EngineError(422, "invalid", "The record is not valid", problems);
};
