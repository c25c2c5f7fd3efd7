import { coerceFieldValue, type JsonObject, type JsonValue } from "@tessera/metadata";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import type { RecordContext } from "./record-context.js";
import { ruleData } from "./rule-data.js";

const setOrClear = (values: JsonObject, field: string, value: JsonValue): void => {
  if (value === null) delete values[field];
  else values[field] = value;
};

/** Fills fields absent from a new record with their defaults (literal or computed). */
export const applyDefaults = (ctx: RecordContext, object: CompiledObject, values: JsonObject): void => {
  for (const { field, value, expression } of object.defaults) {
    if (values[field.name] !== undefined) continue;
    let raw: unknown = value;
    if (expression !== undefined) {
      try {
        raw = expression(ruleData(ctx, values));
      } catch {
        // A default that cannot be computed leaves the field empty; validation then decides.
        raw = null;
      }
    }
    const coerced = coerceFieldValue(field, raw);
    if (coerced.ok) setOrClear(values, field.name, coerced.value);
  }
};

/**
 * Computes every formula in dependency order and stores its result in `values`. A result that does
 * not fit the formula's return type (NaN from a division by zero, text where a number is due) or a
 * rule over budget leaves the formula empty rather than failing the write.
 */
export const computeFormulas = (
  ctx: RecordContext,
  object: CompiledObject,
  values: JsonObject,
  system: JsonObject,
): void => {
  if (object.formulas.length === 0) return;
  // One data object for all formulas: each result is visible to the formulas after it.
  const data = ruleData(ctx, { ...system, ...values });
  for (const { field, evaluate } of object.formulas) {
    let result: unknown;
    try {
      result = evaluate(data);
    } catch {
      result = null;
    }
    const coerced = coerceFieldValue(field, result);
    const value = coerced.ok ? coerced.value : null;
    setOrClear(values, field.name, value);
    if (value === null) delete data[field.name];
    else data[field.name] = value;
  }
};

/** Rollups of a record that has no children yet: counts and sums are 0, the rest empty. */
export const initialRollups = (object: CompiledObject, values: JsonObject): void => {
  for (const rollup of object.rollups) {
    if (rollup.operation === "count" || rollup.operation === "sum") values[rollup.name] = 0;
  }
};
