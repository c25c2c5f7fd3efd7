import type { Approver, FilterNode } from "@tessera/metadata";
import { membersOfGroup, usersWithRoles } from "../security/user-directory.js";
import type { StoredRecord, TenantStore } from "../store/store-port.js";

const MAX_APPROVERS = 1000;

const activeUsers = async (store: TenantStore, filter: FilterNode): Promise<string[]> => {
  const page = await store.findRecords("user", {
    filter: {
      op: "and",
      children: [
        filter,
        { op: "not", child: { op: "compare", field: "active", operator: "==", value: false } },
      ],
    },
    sort: [],
    limit: MAX_APPROVERS,
    fields: ["active"],
  });
  return page.records.map((u) => u.id);
};

const byIds = (ids: readonly string[]): FilterNode =>
  ids.length === 0 ? { op: "not", child: { op: "true" } } : { op: "in", field: "id", values: [...ids] };

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
        const page = await store.findRecords("user", {
          filter: { op: "compare", field: "username", operator: "==", value: approver.user },
          sort: [],
          limit: 1,
          fields: ["username"],
        });
        candidates.push(...page.records.map((u) => u.id));
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
  const unique = [...new Set(candidates)];
  return unique.length === 0 ? [] : activeUsers(store, byIds(unique));
};
