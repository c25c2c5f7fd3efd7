import { type Static, Type } from "@sinclair/typebox";
import { ExpressionSchema } from "../fields/field-base.js";
import { LocalizedTextSchema } from "../i18n/localized-text.js";
import type { CheckContext, SemanticCheck } from "../validate/check-context.js";
import { type ExpressionSite, issueCollector, NameSchema, type Report } from "./common.js";

/**
 * Users a rule names: the users of a role, of a role and every role below it, or of a public
 * group (groups are tenant data, so only their name's shape is checked here).
 */
export const SharingAudienceSchema = Type.Object(
  {
    type: Type.Union([Type.Literal("role"), Type.Literal("roleAndSubordinates"), Type.Literal("group")]),
    name: NameSchema,
  },
  { additionalProperties: false },
);
export type SharingAudience = Static<typeof SharingAudienceSchema>;

const commonProperties = {
  kind: Type.Literal("sharingRule"),
  name: NameSchema,
  object: NameSchema,
  label: LocalizedTextSchema,
  description: Type.Optional(LocalizedTextSchema),
  sharedWith: SharingAudienceSchema,
  access: Type.Union([Type.Literal("read"), Type.Literal("edit")]),
};

export const CriteriaSharingRuleSchema = Type.Object(
  {
    ...commonProperties,
    type: Type.Literal("criteria"),
    /** Records matching this filter are shared. */
    criteria: ExpressionSchema,
  },
  { additionalProperties: false },
);

export const OwnerSharingRuleSchema = Type.Object(
  {
    ...commonProperties,
    type: Type.Literal("owner"),
    /** Records owned by these users are shared. */
    ownedBy: SharingAudienceSchema,
  },
  { additionalProperties: false },
);

/** Sharing rules only widen access beyond the object's org-wide default (sharingModel). */
export const SharingRuleSchema = Type.Union([CriteriaSharingRuleSchema, OwnerSharingRuleSchema]);
export type SharingRule = Static<typeof SharingRuleSchema>;

/** Expressions: `criteria` of a criteria rule, a filter (storable subset) on the rule's object. */
export const expressionsOfSharingRule = (doc: SharingRule): ExpressionSite[] =>
  doc.type === "criteria"
    ? [{ path: "/criteria", expression: doc.criteria, object: doc.object, mode: "filter" }]
    : [];

const checkAudience = (audience: SharingAudience, at: string, ctx: CheckContext, report: Report): void => {
  if (audience.type !== "group" && ctx.find("role", audience.name) === undefined) {
    report([at, "name"], "sharingRule.unknownRole", `Role "${audience.name}" does not exist.`);
  }
};

/**
 * Expressions (checked by the lead via expressionsOfSharingRule, not here): `criteria`, a filter
 * (storable subset) on the rule's object, compiled into the record access filter.
 */
export const checkSharingRule: SemanticCheck<SharingRule> = (doc, ctx) => {
  const { issues, report } = issueCollector(doc);
  const object = ctx.objects.get(doc.object);
  if (object === undefined) {
    report(["object"], "sharingRule.unknownObject", `Object "${doc.object}" does not exist.`);
  } else if (object.sharingModel === "publicReadWrite") {
    report(
      ["object"],
      "sharingRule.pointless",
      `Everyone can already read and edit every "${doc.object}" record: this rule shares nothing.`,
    );
  } else if (object.sharingModel === "publicRead" && doc.access === "read") {
    report(
      ["access"],
      "sharingRule.pointless",
      `Everyone can already read every "${doc.object}" record: share "edit" access or remove the rule.`,
    );
  } else if (object.sharingModel === "controlledByParent") {
    report(
      ["object"],
      "sharingRule.pointless",
      `Access to "${doc.object}" records follows their parent record: share the parent object instead.`,
    );
  }
  if (doc.type === "owner") checkAudience(doc.ownedBy, "ownedBy", ctx, report);
  checkAudience(doc.sharedWith, "sharedWith", ctx, report);
  return issues;
};
