import type { PermissionSet, Profile, Role, SharingAudience, SharingRule } from "@tessera/metadata";

/** Metadata documents of the security model, as an admin PUTs them into the draft. */

export const role = (name: string, parent?: string): Role => ({
  kind: "role",
  name,
  label: { en: name },
  ...(parent !== undefined && { parent }),
});

type Grants = Pick<PermissionSet, "objects" | "fields" | "system">;

export const permissionSet = (name: string, grants: Grants): PermissionSet => ({
  kind: "permissionSet",
  name,
  label: { en: name },
  ...grants,
});

export const profile = (name: string, grants: Grants): Profile => ({
  kind: "profile",
  name,
  label: { en: name },
  ...grants,
});

const audience = (spec: string): SharingAudience => {
  const [type, name] = spec.split(":") as [SharingAudience["type"], string];
  return { type, name };
};

/** `ownerRule("r", "opportunity", "role:salesRep", "role:support", "read")` */
export const ownerRule = (
  name: string,
  object: string,
  ownedBy: string,
  sharedWith: string,
  access: "read" | "edit",
): SharingRule => ({
  kind: "sharingRule",
  type: "owner",
  name,
  object,
  label: { en: name },
  ownedBy: audience(ownedBy),
  sharedWith: audience(sharedWith),
  access,
});

export const criteriaRule = (
  name: string,
  object: string,
  criteria: unknown,
  sharedWith: string,
  access: "read" | "edit",
): SharingRule => ({
  kind: "sharingRule",
  type: "criteria",
  name,
  object,
  label: { en: name },
  criteria,
  sharedWith: audience(sharedWith),
  access,
});
