import { useMemo } from "react";
import { useDraft } from "../draft/draft-context.js";
import type { ActionSetting } from "./action-defaults.js";
import { useTenantGroups, useTenantUsers } from "./use-directory.js";

/**
 * What actions of a process on `object` may refer to: the draft's objects, templates and roles
 * (metadata the admin is editing), and the tenant's users and groups (data, read from the API).
 */
export const useActionSetting = (object: string, hasSubmitter: boolean): ActionSetting => {
  const draft = useDraft();
  const users = useTenantUsers();
  const groups = useTenantGroups();
  return useMemo(() => {
    const objects = draft.ofKind("object");
    return {
      object: objects.find((o) => o.name === object),
      objects,
      templates: draft.ofKind("template"),
      roles: draft.ofKind("role"),
      users,
      groups,
      hasSubmitter,
      packages: draft.ofKind("package").map((p) => p.name),
    };
  }, [draft, object, users, groups, hasSubmitter]);
};
