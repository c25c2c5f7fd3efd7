import type { ObjectDefinition } from "../kinds/object.js";
import account from "./objects/account.json" with { type: "json" };
import caseObject from "./objects/case.json" with { type: "json" };
import contact from "./objects/contact.json" with { type: "json" };
import group from "./objects/group.json" with { type: "json" };
import groupMember from "./objects/group-member.json" with { type: "json" };
import lead from "./objects/lead.json" with { type: "json" };
import opportunity from "./objects/opportunity.json" with { type: "json" };
import permissionSetAssignment from "./objects/permission-set-assignment.json" with { type: "json" };
import product from "./objects/product.json" with { type: "json" };
import quote from "./objects/quote.json" with { type: "json" };
import quoteLine from "./objects/quote-line.json" with { type: "json" };
import recordShare from "./objects/record-share.json" with { type: "json" };
import task from "./objects/task.json" with { type: "json" };
import user from "./objects/user.json" with { type: "json" };

/*
 * TypeScript widens the string literals of a JSON module (`"kind": "object"` becomes `string`), so the
 * documents cannot be checked against ObjectDefinition at compile time. The cast is safe because
 * tests/metadata/standard/standard-objects.test.ts validates every document against
 * ObjectDefinitionSchema and the semantic checks.
 *
 * Permission-set assignment is deliberately not a field of `user`: it is a many-to-many link whose
 * targets are permissionSet documents, not a fixed option list, so it is its own system object
 * (`permissionSetAssignment`), like group membership (`group`, `groupMember`) and manual shares
 * (`recordShare`). The security model reads them.
 */
const asObjectDefinition = (doc: unknown): ObjectDefinition => doc as ObjectDefinition;

/**
 * The CRM objects every tenant starts with. Every object and field carries a stable `std.*` id, so a
 * template upgrade merges with a tenant's changes by id. The documents are shared module singletons:
 * copy one before editing it.
 */
export const standardObjects: readonly ObjectDefinition[] = [
  account,
  contact,
  lead,
  opportunity,
  product,
  quote,
  quoteLine,
  caseObject,
  task,
  user,
  group,
  groupMember,
  permissionSetAssignment,
  recordShare,
].map(asObjectDefinition);

const byName: ReadonlyMap<string, ObjectDefinition> = new Map(standardObjects.map((o) => [o.name, o]));

/** The standard object called `name`, if there is one. */
export const standardObject = (name: string): ObjectDefinition | undefined => byName.get(name);
