import type { Automation, MetadataDocument, Template } from "@tessera/metadata";
import { expect } from "vitest";
import { filterQuery, publish } from "../../security/support/org-admin.js";
import type { ApiClient } from "../support/api-client.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

export type Json = Record<string, unknown>;

/** An automation document; active, labelled after its name. */
export const automation = (
  name: string,
  object: string,
  trigger: Automation["trigger"],
  actions: Automation["actions"],
  more: Partial<Pick<Automation, "condition" | "runAs" | "active">> = {},
): Automation => ({
  kind: "automation",
  name,
  object,
  label: { en: name },
  active: true,
  trigger,
  actions,
  ...more,
});

/** A template document with an English subject (notification, email) and body. */
export const template = (
  name: string,
  purpose: Template["purpose"],
  object: string,
  subject: string | undefined,
  body: string,
): Template => ({
  kind: "template",
  name,
  label: { en: name },
  object,
  purpose,
  ...(subject !== undefined && { subject: { en: subject } }),
  body: { en: body },
});

export interface AutomationServer {
  t: TestServer;
  admin: ApiClient;
  adminId: string;
  close(): Promise<void>;
}

/** Starts a real server on a fresh data dir and publishes `documents` (automations, templates, ...). */
export const startAutomationServer = async (
  documents: readonly MetadataDocument[] = [],
  dataDir?: string,
): Promise<AutomationServer> => {
  const t = await startTestServer(dataDir === undefined ? {} : { dataDir });
  if (documents.length > 0) await publish(t.admin, documents);
  return { t, admin: t.admin, adminId: await userIdNamed(t.admin, "admin"), close: () => t.close() };
};

export const userIdNamed = async (admin: ApiClient, username: string): Promise<string> => {
  const users = await admin.get<{ records: Json[] }>(
    `/api/v1/records/user?${filterQuery({ "==": [{ var: "username" }, username] })}`,
  );
  expect(users.status).toBe(200);
  const id = users.body.records[0]?.id;
  expect(id, `user ${username}`).toEqual(expect.any(String));
  return String(id);
};

/** Polls until `check` passes (the job worker runs in the background) or the time is up. */
export const eventually = async <T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  ms = 4000,
): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LogEntry {
  id: string;
  at: string;
  kind: string;
  name?: string;
  object?: string;
  recordId?: string;
  status: "ok" | "skipped" | "retry" | "failed";
  message: string;
  details?: Json;
}

/** The automation log, oldest first, optionally only the entries about one record. */
export const automationLog = async (admin: ApiClient, recordId?: string): Promise<LogEntry[]> => {
  const page = await admin.get<{ entries: LogEntry[] }>("/api/v1/automation/log?limit=200");
  expect(page.status, JSON.stringify(page.body)).toBe(200);
  return page.body.entries.filter((e) => recordId === undefined || e.recordId === recordId).reverse();
};

export interface PendingJob {
  id: string;
  key?: string;
  kind: string;
  dueAt: string;
  attempts: number;
  payload: Json;
}

export const pendingJobs = async (admin: ApiClient, kind?: string): Promise<PendingJob[]> => {
  const page = await admin.get<{ jobs: PendingJob[] }>(
    `/api/v1/automation/jobs?limit=200${kind === undefined ? "" : `&kind=${kind}`}`,
  );
  expect(page.status, JSON.stringify(page.body)).toBe(200);
  return page.body.jobs;
};

export interface InAppNotification {
  id: string;
  title: string;
  body: string;
  object?: string;
  recordId?: string;
}

export const notificationsOf = async (client: ApiClient): Promise<InAppNotification[]> => {
  const page = await client.get<{ notifications: InAppNotification[] }>("/api/v1/notifications?limit=200");
  expect(page.status, JSON.stringify(page.body)).toBe(200);
  return page.body.notifications;
};

/** Creates a record as `client` and returns it as the API answered (201 expected). */
export const createRecord = async (client: ApiClient, object: string, body: Json): Promise<Json> => {
  const created = await client.post<Json>(`/api/v1/records/${object}`, body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
};

/** Updates a record as `client` at its current version and returns it (200 expected). */
export const updateRecord = async (
  client: ApiClient,
  object: string,
  id: string,
  body: Json,
): Promise<Json> => {
  const current = await client.get<Json>(`/api/v1/records/${object}/${id}`);
  expect(current.status, JSON.stringify(current.body)).toBe(200);
  const updated = await client.patch<Json>(
    `/api/v1/records/${object}/${id}`,
    body,
    Number(current.body.version),
  );
  expect(updated.status, JSON.stringify(updated.body)).toBe(200);
  return updated.body;
};

export const readRecord = async (client: ApiClient, object: string, id: string): Promise<Json> => {
  const got = await client.get<Json>(`/api/v1/records/${object}/${id}`);
  expect(got.status, JSON.stringify(got.body)).toBe(200);
  return got.body;
};

/** Records of `object` matching a JsonLogic `filter`, as `client` sees them. */
export const findRecords = async (client: ApiClient, object: string, filter: unknown): Promise<Json[]> => {
  const page = await client.get<{ records: Json[] }>(
    `/api/v1/records/${object}?limit=200&${filterQuery(filter)}`,
  );
  expect(page.status, JSON.stringify(page.body)).toBe(200);
  return page.body.records;
};

/** A lookup or user value as the API shows it ({id, name}) or as stored (the id). */
export const idOf = (value: unknown): unknown =>
  typeof value === "object" && value !== null && "id" in value ? (value as Json).id : value;
