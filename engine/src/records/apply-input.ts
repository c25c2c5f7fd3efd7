import {
  coerceFieldValue,
  descriptorOf,
  isPlainObject,
  isSystemField,
  type JsonValue,
} from "@tessera/metadata";
import { EngineError, type ProblemDetail } from "../errors/engine-error.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import type { RecordContext } from "./record-context.js";

/** Field values from a request, coerced: `null` means "clear this field". */
export type FieldChanges = Map<string, JsonValue>;

const pointerTo = (field: string) => `/${field.replace(/~/g, "~0").replace(/\//g, "~1")}`;

/**
 * Checks and coerces the body of a create or update: only known fields the user may edit, never
 * system, generated or computed fields, each value coerced by its field type. Every problem is
 * collected; any problem refuses the whole request (422) before anything is written.
 */
export const applyInput = (ctx: RecordContext, object: CompiledObject, body: unknown): FieldChanges => {
  if (!isPlainObject(body)) {
    throw new EngineError(422, "invalid", "The body must be a JSON object of field values", [
      { path: "", code: "body.notAnObject", message: "Send the record's fields as a JSON object." },
    ]);
  }
  const editable = ctx.access.editableFields(object.name);
  const readable = ctx.access.readableFields(object.name);
  const errors: ProblemDetail[] = [];
  const changes: FieldChanges = new Map();
  for (const [name, raw] of Object.entries(body)) {
    const path = pointerTo(name);
    if (isSystemField(name)) {
      errors.push({
        path,
        code: "field.system",
        message: `"${name}" is set by Tessera and cannot be written.`,
      });
      continue;
    }
    const field = object.fields.get(name);
    // A field the user cannot read is answered exactly like one that does not exist.
    if (field === undefined || !readable.has(name)) {
      errors.push({ path, code: "field.unknown", message: `"${object.name}" has no field "${name}".` });
      continue;
    }
    if (descriptorOf(field).source !== "input") {
      errors.push({
        path,
        code: "field.readOnly",
        message: `"${name}" is computed by Tessera and cannot be written.`,
      });
      continue;
    }
    if (!editable.has(name)) {
      errors.push({ path, code: "field.notEditable", message: `You may not change "${name}".` });
      continue;
    }
    const coerced = coerceFieldValue(field, raw);
    if (coerced.ok) changes.set(name, coerced.value);
    else errors.push({ path, code: coerced.code, message: coerced.message });
  }
  if (errors.length > 0) throw new EngineError(422, "invalid", "Some fields are not valid", errors);
  return changes;
};

export { pointerTo };
