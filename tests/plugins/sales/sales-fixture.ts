import { expect } from "vitest";
import { type ApiClient, type ApiResponse, apiClient } from "../../engine/support/api-client.js";
import { startTestServer, type TestServer } from "../../engine/support/test-server.js";

export type Json = Record<string, unknown>;

const PASSWORD = "sales team password 2026";

/** A sample user of the sales template, signed in. */
export interface SalesUser {
  id: string;
  username: string;
  client: ApiClient;
}

export interface SalesServer {
  t: TestServer;
  admin: ApiClient;
  /** Signs in a sample user of the demo tenant (the admin gives them a password first). */
  as(username: string): Promise<SalesUser>;
  close(): Promise<void>;
}

/** `filter=<rule>` for a list query string. */
export const filterQuery = (rule: unknown): string => `filter=${encodeURIComponent(JSON.stringify(rule))}`;

/** Records of `object` matching `filter`, as `client` sees them. */
export const findRecords = async (client: ApiClient, object: string, filter: unknown): Promise<Json[]> => {
  const page = await client.get<{ records: Json[] }>(
    `/api/v1/records/${object}?limit=200&${filterQuery(filter)}`,
  );
  expect(page.status, JSON.stringify(page.body)).toBe(200);
  return page.body.records;
};

/** The one record of `object` whose `field` is `value` (as the admin, who sees everything). */
export const theRecord = async (
  client: ApiClient,
  object: string,
  field: string,
  value: unknown,
): Promise<Json> => {
  const found = await findRecords(client, object, { "==": [{ var: field }, value] });
  expect(found, `${object} with ${field} = ${String(value)}`).toHaveLength(1);
  return found[0] as Json;
};

/** A lookup or user value as the API shows it ({id, name}) or as stored (the id). */
export const idOf = (value: unknown): unknown =>
  typeof value === "object" && value !== null && "id" in value ? (value as Json).id : value;

/** Starts the real server; its demo tenant is created with the sales template and its sample data. */
export const startSalesServer = async (): Promise<SalesServer> => {
  const t = await startTestServer();
  const signedIn = new Map<string, SalesUser>();
  return {
    t,
    admin: t.admin,
    async as(username) {
      const known = signedIn.get(username);
      if (known !== undefined) return known;
      const user = await theRecord(t.admin, "user", "username", username);
      const id = String(user.id);
      const set = await t.admin.post(`/api/v1/users/${id}/password`, { password: PASSWORD });
      expect(set.status, JSON.stringify(set.body)).toBe(204);
      const client = apiClient(t.server.url);
      expect((await client.login("demo", username, PASSWORD)).status).toBe(200);
      const signed = { id, username, client };
      signedIn.set(username, signed);
      return signed;
    },
    close: () => t.close(),
  };
};

/** Calls a route of the sales plugin. */
export const salesRoute = (client: ApiClient, path: string, body: unknown = {}): Promise<ApiResponse<Json>> =>
  client.post<Json>(`/api/v1/plugins/sales${path}`, body);

/** Creates a record as `client` and returns it (201 expected). */
export const create = async (client: ApiClient, object: string, body: Json): Promise<Json> => {
  const created = await client.post<Json>(`/api/v1/records/${object}`, body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
};

/** Reads a record as `client` (200 expected). */
export const read = async (client: ApiClient, object: string, id: string): Promise<Json> => {
  const got = await client.get<Json>(`/api/v1/records/${object}/${id}`);
  expect(got.status, JSON.stringify(got.body)).toBe(200);
  return got.body;
};

/** Transfers a record to `ownerId` as `client` (200 expected). */
export const transfer = async (
  client: ApiClient,
  object: string,
  id: string,
  ownerId: string,
): Promise<void> => {
  const moved = await client.post(`/api/v1/records/${object}/${id}/owner`, { ownerId });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
};

/** A name no sample record has, so a test can find exactly what it created. */
export const unique = (prefix: string): string => `${prefix} ${Math.random().toString(36).slice(2, 8)}`;

/** The UTC day `days` from now, as date fields store it. */
export const dayFromNow = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The ISO datetime `days` from now. */
export const timeFromNow = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

/** Polls until `check` passes (jobs run in the background worker) or the time is up. */
export const eventually = async <T>(
  poll: () => Promise<T>,
  check: (value: T) => boolean,
  ms = 5000,
): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await poll();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
