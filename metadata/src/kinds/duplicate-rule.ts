import { type Static, Type } from "@sinclair/typebox";
import { COMPARABLE_TYPES, TEXT_LIKE_TYPES } from "../duplicates/condition-fields.js";
import { MATCH_NORMALIZERS } from "../duplicates/normalize.js";
import { LocalizedTextSchema } from "../i18n/localized-text.js";
import { valueTypeLabel, valueTypeOf } from "../reports/field-value-type.js";
import type { SemanticCheck } from "../validate/check-context.js";
import { issueCollector, NameSchema, type Report as Reporter } from "./common.js";
import type { ObjectDefinition } from "./object.js";

export const DUPLICATE_ACTIONS = ["alert", "block"] as const;
export type DuplicateAction = (typeof DUPLICATE_ACTIONS)[number];

export const MATCH_KINDS = ["exact", "fuzzy"] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export const DEFAULT_FUZZY_THRESHOLD = 0.9;

export const DuplicateConditionSchema = Type.Object(
  {
    field: NameSchema,
    /** By the field's type when absent: email, phone, text for text-like fields, else exact. */
    normalizer: Type.Optional(Type.Union(MATCH_NORMALIZERS.map((normalizer) => Type.Literal(normalizer)))),
    match: Type.Union(MATCH_KINDS.map((match) => Type.Literal(match))),
    /** Least Jaro-Winkler similarity of the normalised values for a fuzzy match; 0.9 when absent. */
    threshold: Type.Optional(Type.Number({ minimum: 0.5, maximum: 1 })),
  },
  { additionalProperties: false },
);
export type DuplicateCondition = Static<typeof DuplicateConditionSchema>;

export const DuplicateRuleSchema = Type.Object(
  {
    kind: Type.Literal("duplicateRule"),
    name: NameSchema,
    label: LocalizedTextSchema,
    description: Type.Optional(LocalizedTextSchema),
    object: NameSchema,
    /** True when absent. */
    active: Type.Optional(Type.Boolean()),
    /** What a match does on create, update and import: warn and save, or refuse. */
    action: Type.Union(DUPLICATE_ACTIONS.map((action) => Type.Literal(action))),
    /** Two records are duplicates when every condition matches. */
    conditions: Type.Array(DuplicateConditionSchema, { minItems: 1, maxItems: 5 }),
  },
  { additionalProperties: false },
);
export type DuplicateRule = Static<typeof DuplicateRuleSchema>;

const COMPARABLE_HINT =
  "Compare text, email, phone, URL, picklist, number, date, yes/no, lookup or user fields.";

const checkCondition = (
  condition: DuplicateCondition,
  at: ReadonlyArray<string | number>,
  object: ObjectDefinition,
  objectName: string,
  report: Reporter,
): void => {
  const type = valueTypeOf(object, condition.field);
  if (type === undefined) {
    report(
      [...at, "field"],
      "duplicateRule.unknownField",
      `Object "${objectName}" has no field "${condition.field}".`,
    );
    return;
  }
  if (!COMPARABLE_TYPES.has(type)) {
    report(
      [...at, "field"],
      "duplicateRule.notComparable",
      `Duplicate rules cannot compare "${condition.field}" (${valueTypeLabel(type)}). ${COMPARABLE_HINT}`,
    );
    return;
  }
  const textLike = TEXT_LIKE_TYPES.has(type);
  if (condition.match === "fuzzy" && !textLike) {
    report(
      [...at, "match"],
      "duplicateRule.fuzzyNotText",
      `"${condition.field}" (${valueTypeLabel(type)}) can only match exactly; similar-spelling matches are for text, email, phone and URL fields.`,
    );
  }
  if (condition.normalizer !== undefined && condition.normalizer !== "exact" && !textLike) {
    report(
      [...at, "normalizer"],
      "duplicateRule.normalizerNotText",
      `"${condition.field}" (${valueTypeLabel(type)}) is not text: compare it with the "exact" normaliser.`,
    );
  }
  if (condition.threshold !== undefined && condition.match !== "fuzzy") {
    report(
      [...at, "threshold"],
      "duplicateRule.unexpectedThreshold",
      "A similarity threshold only applies to a fuzzy match.",
    );
  }
};

/** Two records are duplicates when every condition matches; null values never match. */
export const checkDuplicateRule: SemanticCheck<DuplicateRule> = (doc, ctx) => {
  const { issues, report } = issueCollector(doc);
  const object = ctx.objects.get(doc.object);
  if (object === undefined) {
    report(["object"], "duplicateRule.unknownObject", `Object "${doc.object}" does not exist.`);
    return issues;
  }
  const seen = new Set<string>();
  doc.conditions.forEach((condition, c) => {
    checkCondition(condition, ["conditions", c], object, doc.object, report);
    if (seen.has(condition.field)) {
      report(
        ["conditions", c, "field"],
        "duplicateRule.duplicateCondition",
        `"${condition.field}" is already compared by another condition.`,
      );
    }
    seen.add(condition.field);
  });
  return issues;
};
