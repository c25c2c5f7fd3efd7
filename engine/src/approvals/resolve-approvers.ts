import type { Approver } from "@tessera/metadata";
import {
  activeUserNamed,
  activeUsersAmong,
  membersOfGroup,
  usersWithRoles,
} from "../security/user-directory.js";
import type { StoredRecord, TenantStore } from "../store/store-port.js";

/**
 * The active users who decide a step for `record`, resolved when the step starts (as in
 * Salesforce: a later change of a role or group does not move work already assigned).
 */
export const resolveApprovers = async (
  store: TenantStore,
  approvers: readonly Approver[],
  record: StoredRecord,
  submitterId: string,
): Promise<string[]> => {
  const candidates: string[] = [];
  for (const approver of approvers) {
    switch (approver.type) {
      case "user": {
        const id = await activeUserNamed(store, approver.user);
        if (id !== undefined) candidates.push(id);
        break;
      }
      case "role":
        candidates.push(...(await usersWithRoles(store, [approver.role])));
        break;
      case "group":
        candidates.push(...(await membersOfGroup(store, approver.group)));
        break;
      case "submitterManager": {
        const manager = (await store.getRecord("user", submitterId))?.manager;
        if (typeof manager === "string") candidates.push(manager);
        break;
      }
      case "field": {
        const value = record[approver.field];
        if (typeof value === "string") candidates.push(value);
        break;
      }
    }
  }
  return activeUsersAmong(store, candidates);
};
