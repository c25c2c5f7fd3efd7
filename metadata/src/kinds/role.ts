import { type Static, Type } from "@sinclair/typebox";
import { LocalizedTextSchema } from "../i18n/localized-text.js";
import type { CheckContext, SemanticCheck } from "../validate/check-context.js";
import { issueCollector, NameSchema } from "./common.js";

export const RoleSchema = Type.Object(
  {
    kind: Type.Literal("role"),
    name: NameSchema,
    label: LocalizedTextSchema,
    description: Type.Optional(LocalizedTextSchema),
    /** The role above this one; users in it see what this role's users own. A top role has none. */
    parent: Type.Optional(NameSchema),
  },
  { additionalProperties: false },
);
export type Role = Static<typeof RoleSchema>;

/**
 * The cycle through `role` as role names from `role` back to it, or undefined when following
 * parents from `role` ends at a top role, a missing role, or a cycle `role` is not part of.
 */
const cycleThrough = (role: Role, ctx: CheckContext): string[] | undefined => {
  const chain = [role.name];
  let parent = role.parent;
  while (parent !== undefined) {
    if (parent === role.name) return [...chain, parent];
    if (chain.includes(parent)) return undefined;
    chain.push(parent);
    parent = ctx.find("role", parent)?.parent;
  }
  return undefined;
};

/** Expressions: none. */
export const checkRole: SemanticCheck<Role> = (doc, ctx) => {
  const { issues, report } = issueCollector(doc);
  if (doc.parent === undefined) return issues;
  if (doc.parent !== doc.name && ctx.find("role", doc.parent) === undefined) {
    report(["parent"], "role.unknownParent", `Parent role "${doc.parent}" does not exist.`);
    return issues;
  }
  const cycle = cycleThrough(doc, ctx);
  if (cycle !== undefined) {
    report(["parent"], "role.cycle", `The role hierarchy loops: ${cycle.join(" -> ")}.`);
  }
  return issues;
};
