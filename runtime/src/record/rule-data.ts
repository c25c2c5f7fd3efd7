import { compileRule } from "@tessera/metadata";
import type { ReferenceValue } from "../api/types.js";

const isReference = (value: unknown): value is ReferenceValue =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as ReferenceValue).id === "string";

/**
 * The record as rules read it: the API answers lookups as `{id, name}`, rules compare the id (as the
 * server evaluates them on the stored record).
 */
export const ruleData = (record: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, isReference(v) ? v.id : v]));

const truthy = (value: unknown): boolean =>
  !(
    value === null ||
    value === undefined ||
    value === false ||
    value === 0 ||
    value === "" ||
    (Array.isArray(value) && value.length === 0)
  );

/** A rule as a predicate; a rule that fails to evaluate hides what it guards. */
export const rulePredicate = (rule: unknown): ((data: Record<string, unknown>) => boolean) => {
  try {
    const compiled = compileRule(rule);
    return (data) => {
      try {
        return truthy(compiled(data));
      } catch {
        return false;
      }
    };
  } catch {
    return () => false;
  }
};
