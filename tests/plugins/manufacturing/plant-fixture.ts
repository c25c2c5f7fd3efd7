import { expect } from "vitest";
import { userIdNamed } from "../../engine/automation/automation-fixture.js";
import { type ApiClient, apiClient } from "../../engine/support/api-client.js";
import { createTemplateTenant } from "../../engine/support/template-tenant.js";
import { startTestServer, type TestServer } from "../../engine/support/test-server.js";

export const TENANT = "plant";
const PASSWORD = "plant-sample-password";

export interface Plant {
  t: TestServer;
  /** The plant tenant's administrator. */
  admin: ApiClient;
  close(): Promise<void>;
}

/** A real server with the `plant` tenant created from the manufacturing template and its sample data. */
export const startPlant = async (): Promise<Plant> => {
  const t = await startTestServer();
  const admin = await createTemplateTenant(t, TENANT, "manufacturing");
  return { t, admin, close: () => t.close() };
};

export interface PlantUser {
  id: string;
  client: ApiClient;
}

/** Signs in as a sample user: the admin gives them a password first (sample users have none). */
export const signInAs = async (plant: Plant, username: string): Promise<PlantUser> => {
  const id = await userIdNamed(plant.admin, username);
  const set = await plant.admin.post(`/api/v1/users/${id}/password`, { password: PASSWORD });
  expect(set.status, JSON.stringify(set.body)).toBe(204);
  const client = apiClient(plant.admin.baseUrl);
  expect((await client.login(TENANT, username, PASSWORD)).status).toBe(200);
  return { id, client };
};

/** Today (UTC, as the rules' `today`) shifted by `days`, as YYYY-MM-DD. */
export const dayFromToday = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The id of the one record of `object` whose `field` equals `value`, read as `client`. */
export const idWhere = async (
  client: ApiClient,
  object: string,
  field: string,
  value: string,
): Promise<string> => {
  const filter = encodeURIComponent(JSON.stringify({ "==": [{ var: field }, value] }));
  const page = await client.get<{ records: Array<{ id: string }> }>(
    `/api/v1/records/${object}?limit=2&filter=${filter}`,
  );
  expect(page.status, JSON.stringify(page.body)).toBe(200);
  expect(page.body.records, `${object} with ${field} = ${value}`).toHaveLength(1);
  return String(page.body.records[0]?.id);
};

/** A record's field history, oldest first (the API answers newest first). */
export const historyOf = async (
  client: ApiClient,
  object: string,
  id: string,
): Promise<Array<Record<string, unknown>>> => {
  const history = await client.get<{ entries: Array<Record<string, unknown>> }>(
    `/api/v1/records/${object}/${id}/history`,
  );
  expect(history.status, JSON.stringify(history.body)).toBe(200);
  return [...history.body.entries].reverse();
};
