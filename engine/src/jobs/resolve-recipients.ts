import type { FieldDefinition, JsonObject, Recipient } from "@tessera/metadata";
import {
  activeUserNamed,
  activeUsersAmong,
  membersOfGroup,
  usersWithRoles,
} from "../security/user-directory.js";
import type { StoredRecord } from "../store/store-port.js";
import type { JobEnv } from "./job-context.js";

export interface Recipients {
  /** Active users: an in-app notification each (and an e-mail for e-mail templates). */
  users: string[];
  /** Plain addresses: an e-mail each. */
  addresses: string[];
}

const isUserField = (field: FieldDefinition | undefined): boolean =>
  field?.type === "user" || (field?.type === "lookup" && field.reference === "user");

/** Who a notify action reaches for this record; inactive users are left out. */
export const resolveRecipients = async (
  env: JobEnv,
  to: readonly Recipient[],
  object: string,
  record: StoredRecord,
  extra: JsonObject | undefined,
): Promise<Recipients> => {
  const users: string[] = [];
  const addresses: string[] = [];
  const fields = env.metadata.objects.get(object)?.fields;
  for (const recipient of to) {
    switch (recipient.type) {
      case "user": {
        const id = await activeUserNamed(env.store, recipient.user);
        if (id !== undefined) users.push(id);
        break;
      }
      case "role":
        users.push(...(await usersWithRoles(env.store, [recipient.role])));
        break;
      case "group":
        users.push(...(await membersOfGroup(env.store, recipient.group)));
        break;
      case "owner":
        users.push(record.ownerId);
        break;
      case "submitter":
        if (typeof extra?.submittedBy === "string") users.push(extra.submittedBy);
        break;
      case "field": {
        const value = record[recipient.field];
        if (typeof value !== "string") break;
        if (isUserField(fields?.get(recipient.field))) users.push(value);
        else addresses.push(value);
        break;
      }
      case "email":
        addresses.push(recipient.address);
        break;
    }
  }
  return {
    users: await activeUsersAmong(env.store, users),
    addresses: [...new Set(addresses.map((a) => a.trim().toLowerCase()))],
  };
};
