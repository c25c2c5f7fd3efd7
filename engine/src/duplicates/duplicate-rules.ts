import {
  conditionNormalizer,
  DEFAULT_FUZZY_THRESHOLD,
  type DuplicateRule,
  type MatchNormalizer,
} from "@tessera/metadata";
import type { CompiledMetadata } from "../registry/compiled-metadata.js";

/** One condition of a rule, with its defaults resolved against the field's type. */
export interface MatchCondition {
  field: string;
  normalizer: MatchNormalizer;
  match: "exact" | "fuzzy";
  /** Least Jaro-Winkler similarity of a fuzzy condition (1 for exact). */
  threshold: number;
}

/** A duplicate rule of the published metadata, ready to compare records with. */
export interface CompiledDuplicateRule {
  readonly rule: DuplicateRule;
  readonly name: string;
  readonly object: string;
  readonly action: "alert" | "block";
  readonly active: boolean;
  readonly conditions: readonly MatchCondition[];
}

const compileRule = (metadata: CompiledMetadata, rule: DuplicateRule): CompiledDuplicateRule | undefined => {
  const object = metadata.objects.get(rule.object);
  if (object === undefined) return undefined;
  const conditions: MatchCondition[] = [];
  for (const condition of rule.conditions) {
    // Published metadata was validated; a condition on a missing field makes the rule unusable.
    const field = object.fields.get(condition.field);
    if (field === undefined) return undefined;
    conditions.push({
      field: condition.field,
      normalizer: conditionNormalizer(object.definition, condition),
      match: condition.match,
      threshold: condition.match === "fuzzy" ? (condition.threshold ?? DEFAULT_FUZZY_THRESHOLD) : 1,
    });
  }
  return {
    rule,
    name: rule.name,
    object: rule.object,
    action: rule.action,
    active: rule.active !== false,
    conditions,
  };
};

const compiled = new WeakMap<CompiledMetadata, Map<string, CompiledDuplicateRule[]>>();

/** Every usable duplicate rule of the metadata version, by object; compiled once per version. */
const rulesByObject = (metadata: CompiledMetadata): Map<string, CompiledDuplicateRule[]> => {
  let byObject = compiled.get(metadata);
  if (byObject !== undefined) return byObject;
  byObject = new Map();
  for (const document of metadata.documents) {
    if (document.kind !== "duplicateRule") continue;
    const rule = compileRule(metadata, document);
    if (rule !== undefined) byObject.set(rule.object, [...(byObject.get(rule.object) ?? []), rule]);
  }
  for (const rules of byObject.values()) rules.sort((a, b) => a.name.localeCompare(b.name));
  compiled.set(metadata, byObject);
  return byObject;
};

/** The rules of `object`, active or not, by name. */
export const duplicateRulesOf = (
  metadata: CompiledMetadata,
  object: string,
): readonly CompiledDuplicateRule[] => rulesByObject(metadata).get(object) ?? [];

/** The rules that apply when records of `object` are saved. */
export const activeDuplicateRulesOf = (
  metadata: CompiledMetadata,
  object: string,
): readonly CompiledDuplicateRule[] => duplicateRulesOf(metadata, object).filter((r) => r.active);

/** The fields a rule compares. */
export const ruleFields = (rule: CompiledDuplicateRule): string[] => [
  ...new Set(rule.conditions.map((c) => c.field)),
];
