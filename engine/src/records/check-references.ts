import { EngineError, type ProblemDetail } from "../errors/engine-error.js";
import type { CompiledObject, ReferenceField } from "../registry/compiled-metadata.js";
import { pointerTo } from "./apply-input.js";
import { and, type JsonObject } from "./filter-helpers.js";
import type { RecordContext } from "./record-context.js";

export const referencedObjectOf = (field: ReferenceField): string =>
  field.type === "user" ? "user" : field.reference;

/**
 * Every lookup, master-detail and user value must name a record that exists and that the user can
 * see: a reference is also a way to learn that a record exists, so an invisible one is answered
 * exactly like a missing one.
 */
export const checkReferences = async (
  ctx: RecordContext,
  object: CompiledObject,
  values: JsonObject,
  changed: ReadonlySet<string>,
): Promise<void> => {
  const problems: ProblemDetail[] = [];
  for (const field of object.references) {
    const id = values[field.name];
    if (typeof id !== "string" || !changed.has(field.name)) continue;
    const target = referencedObjectOf(field);
    const visible = ctx.metadata.objects.has(target) && ctx.access.can("read", target);
    const filter = and(
      { op: "compare", field: "id", operator: "==", value: id },
      await ctx.access.recordFilter(target, "read"),
    );
    const found = visible && (await ctx.store.countRecords(target, filter)) > 0;
    if (!found) {
      problems.push({
        path: pointerTo(field.name),
        code: "field.unknownReference",
        message: `No ${target} record with id "${id}".`,
      });
    }
  }
  if (problems.length > 0) throw new EngineError(422, "invalid", "Some references are not valid", problems);
};
