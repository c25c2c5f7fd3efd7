import type { MetadataDocument } from "@tessera/metadata";
import { expect } from "vitest";
import { type ApiClient, apiClient } from "../../engine/support/api-client.js";

export const PASSWORD = "correct horse battery";

type Json = Record<string, unknown>;

/** PUTs documents into the draft and publishes them, as an admin. */
export const publish = async (admin: ApiClient, documents: readonly MetadataDocument[]): Promise<void> => {
  for (const doc of documents) {
    const put = await admin.put(`/api/v1/metadata/draft/${doc.kind}/${doc.name}`, doc);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  }
  const published = await admin.post("/api/v1/metadata/publish", {});
  expect(published.status, JSON.stringify(published.body)).toBe(200);
};

/** Creates a record as `client` and returns its id; fails the test on any other answer than 201. */
export const create = async (client: ApiClient, object: string, body: Json): Promise<string> => {
  const created = await client.post<Json>(`/api/v1/records/${object}`, body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return String(created.body.id);
};

export interface NewUser {
  username: string;
  profile?: string;
  role?: string;
  /** Permission set names assigned after creation. */
  permissionSets?: string[];
  /** Group record ids the user joins. */
  groups?: string[];
}

/** Creates a user through POST /api/v1/users and returns their id and a client signed in as them. */
export const createUser = async (
  admin: ApiClient,
  tenant: string,
  user: NewUser,
): Promise<{ id: string; client: ApiClient }> => {
  const created = await admin.post<Json>("/api/v1/users", {
    username: user.username,
    name: user.username,
    email: `${user.username}@${tenant}.example.com`,
    profile: user.profile ?? "standardUser",
    ...(user.role !== undefined && { role: user.role }),
    password: PASSWORD,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = String(created.body.id);
  for (const permissionSet of user.permissionSets ?? [])
    await create(admin, "permissionSetAssignment", { assignee: id, permissionSet });
  for (const group of user.groups ?? []) await create(admin, "groupMember", { group, member: id });
  const client = apiClient(admin.baseUrl);
  expect((await client.login(tenant, user.username, PASSWORD)).status).toBe(200);
  return { id, client };
};

/** The current version of a record, read as the admin (who sees everything). */
export const versionOf = async (admin: ApiClient, object: string, id: string): Promise<number> => {
  const got = await admin.get<Json>(`/api/v1/records/${object}/${id}`);
  expect(got.status).toBe(200);
  return Number(got.body.version);
};

/** `filter=<rule>` for a list query string. */
export const filterQuery = (rule: unknown): string => `filter=${encodeURIComponent(JSON.stringify(rule))}`;
