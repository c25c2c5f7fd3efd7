import { EngineError, type ProblemDetail } from "../errors/engine-error.js";
import type { CompiledObject, ReferenceField } from "../registry/compiled-metadata.js";
import { directoryNameProblems } from "../security/directory-names.js";
import { pointerTo } from "./apply-input.js";
import { and, type JsonObject } from "./filter-helpers.js";
import type { RecordContext } from "./record-context.js";

export const referencedObjectOf = (field: ReferenceField): string =>
  field.type === "user" ? "user" : field.reference;

/**
 * Every lookup, master-detail and user value must name a record that exists and that the user can
 * see: a reference is also a way to learn that a record exists, so an invisible one is answered
 * exactly like a missing one. A detail record is added to (or moved under) a master the user may
 * change, not merely see: it changes the master's rollups and, controlled by its parent, is shared
 * with whoever the master is shared with (403 otherwise). Values naming profiles, roles and
 * permission sets must name published ones.
 */
export const checkReferences = async (
  ctx: RecordContext,
  object: CompiledObject,
  values: JsonObject,
  changed: ReadonlySet<string>,
): Promise<void> => {
  const problems = directoryNameProblems(ctx.metadata, object.name, values, changed);
  const refused: ProblemDetail[] = [];
  for (const field of object.references) {
    const id = values[field.name];
    if (typeof id !== "string" || !changed.has(field.name)) continue;
    const target = referencedObjectOf(field);
    const visible = ctx.metadata.objects.has(target) && ctx.access.can("read", target);
    const matches = async (mode: "read" | "edit") =>
      (await ctx.store.countRecords(
        target,
        and(
          { op: "compare", field: "id", operator: "==", value: id },
          await ctx.access.recordFilter(target, mode),
        ),
      )) > 0;
    if (!(visible && (await matches("read")))) {
      problems.push({
        path: pointerTo(field.name),
        code: "field.unknownReference",
        message: `No ${target} record with id "${id}".`,
      });
    } else if (field.type === "masterDetail" && !(await matches("edit"))) {
      refused.push({
        path: pointerTo(field.name),
        code: "field.masterNotEditable",
        message: `You may not change ${target} record "${id}", so you may not add records under it.`,
      });
    }
  }
  if (problems.length > 0) throw new EngineError(422, "invalid", "Some references are not valid", problems);
  if (refused.length > 0)
    throw new EngineError(403, "forbidden", "You may not change the master record", refused);
};
