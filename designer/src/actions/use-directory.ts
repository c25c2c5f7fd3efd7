import { get } from "@tessera/runtime";
import { useEffect, useState } from "react";
import type { DirectoryUser } from "./action-defaults.js";

interface RecordList {
  records: ReadonlyArray<Record<string, unknown>>;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/**
 * Records of a directory object (users, groups) read through the record API, first page only:
 * the designer offers them as choices, and metadata names them by username or group name, so a
 * name the list does not hold can still be typed or kept.
 */
const useDirectory = <T>(path: string, read: (record: Record<string, unknown>) => T | undefined): T[] => {
  const [items, setItems] = useState<T[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    get<RecordList>(path, controller.signal).then(
      (page) => setItems(page.records.flatMap((record) => read(record) ?? [])),
      // Without read access to the directory the admin types names; nothing to report here.
      () => {},
    );
    return () => controller.abort();
  }, [path, read]);
  return items;
};

const readUser = (record: Record<string, unknown>): DirectoryUser | undefined => {
  const username = text(record.username);
  return username === "" ? undefined : { id: text(record.id), username, name: text(record.name) || username };
};

const readGroup = (record: Record<string, unknown>): string | undefined => text(record.name) || undefined;

const USERS = `/api/v1/records/user?${new URLSearchParams({ fields: "username,name", sort: "name", limit: "200" })}`;
const GROUPS = `/api/v1/records/group?${new URLSearchParams({ fields: "name,label", sort: "name", limit: "200" })}`;

/** The tenant's users, by name: approvers, recipients, run-as users, new owners. */
export const useTenantUsers = (): DirectoryUser[] => useDirectory(USERS, readUser);

/** Names of the tenant's public groups and queues. */
export const useTenantGroups = (): string[] => useDirectory(GROUPS, readGroup);
