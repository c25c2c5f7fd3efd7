import { type JsonObject, jaroWinkler, normalizeForMatch } from "@tessera/metadata";
import type { CompiledDuplicateRule } from "./duplicate-rules.js";

/**
 * A record's values as a rule compares them: one normalised value per condition, or undefined when
 * any of them is empty (a record without a value in a compared field matches nothing).
 */
export const matchKeys = (rule: CompiledDuplicateRule, values: JsonObject): string[] | undefined => {
  const keys: string[] = [];
  for (const condition of rule.conditions) {
    const key = normalizeForMatch(values[condition.field] ?? null, condition.normalizer);
    if (key === null) return undefined;
    keys.push(key);
  }
  return keys;
};

/**
 * How alike two records are under a rule (the mean of the conditions' similarities, 0..1), or
 * undefined when a condition does not match: exact ones need equal keys, fuzzy ones a
 * Jaro-Winkler similarity of at least their threshold.
 */
export const matchScore = (
  rule: CompiledDuplicateRule,
  a: readonly string[],
  b: readonly string[],
): number | undefined => {
  let total = 0;
  for (let i = 0; i < rule.conditions.length; i += 1) {
    const condition = rule.conditions[i];
    const left = a[i];
    const right = b[i];
    if (condition === undefined || left === undefined || right === undefined) return undefined;
    if (left === right) {
      total += 1;
      continue;
    }
    if (condition.match === "exact") return undefined;
    const similarity = jaroWinkler(left, right);
    if (similarity < condition.threshold) return undefined;
    total += similarity;
  }
  return total / rule.conditions.length;
};
