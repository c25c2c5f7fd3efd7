import type { SharingAudience, SharingRule } from "@tessera/metadata";

/**
 * The rule turned into the other type: a criteria rule loses its criteria and shares records
 * owned by `owners`; an owner rule loses `ownedBy` and starts with no criteria (`null`, which the
 * engine refuses until the admin writes a condition).
 */
export const withRuleType = (
  rule: SharingRule,
  type: SharingRule["type"],
  owners: SharingAudience,
): SharingRule => {
  if (rule.type === type) return rule;
  if (type === "owner") {
    const {
      criteria: _criteria,
      type: _type,
      ...common
    } = rule as Extract<SharingRule, { type: "criteria" }>;
    return { ...common, type: "owner", ownedBy: owners };
  }
  const { ownedBy: _owners, type: _type, ...common } = rule as Extract<SharingRule, { type: "owner" }>;
  return { ...common, type: "criteria", criteria: null };
};

/** The rule on another object: criteria name the old object's fields, so they start over. */
export const withRuleObject = (rule: SharingRule, object: string): SharingRule => {
  if (rule.object === object) return rule;
  return rule.type === "criteria" ? { ...rule, object, criteria: null } : { ...rule, object };
};

/** The audience with another type; the name stays when it still fits (a role for either role type). */
export const withAudienceType = (
  audience: SharingAudience,
  type: SharingAudience["type"],
): SharingAudience => {
  const sameFamily = (audience.type === "group") === (type === "group");
  return { type, name: sameFamily ? audience.name : "" };
};
