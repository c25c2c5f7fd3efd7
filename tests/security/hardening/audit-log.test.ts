import type { MetadataDocument } from "@tessera/metadata";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "../../engine/support/api-client.js";
import { anObject } from "../../engine/support/object-builder.js";
import { expectProblem } from "../../engine/support/problem-assertions.js";
import { ADMIN_PASSWORD, startTestServer, type TestServer } from "../../engine/support/test-server.js";
import { text } from "../../metadata/builders.js";

type Json = Record<string, unknown>;

interface AuditEvent {
  id: string;
  at: string;
  type: string;
  actorId?: string;
  actorName?: string;
  ip?: string;
  target?: { object?: string; id?: string; name?: string };
  details?: Json;
}

const USER_PASSWORD = "a fine user password";
const WRONG = "wrong-password-12345";

let t: TestServer;
let now = Date.UTC(2025, 0, 1);
let adminId: string;

beforeAll(async () => {
  t = await startTestServer({ config: { loginThrottle: { now: () => now } } });
  adminId = String(
    (await t.admin.get<{ records: Json[] }>("/api/v1/records/user?limit=1")).body.records[0]?.id,
  );
});

afterAll(async () => {
  await t?.close();
});

// No test inherits the previous one's sign-in failures.
beforeEach(() => {
  now += 16 * 60_000;
});

/** The newest events of `type`, as the admin reads them. */
const eventsOf = async (type: string): Promise<AuditEvent[]> => {
  const res = await t.admin.get<{ events: AuditEvent[] }>(`/api/v1/audit?type=${type}&limit=200`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.events;
};

const latest = async (type: string): Promise<AuditEvent> => {
  const [event] = await eventsOf(type);
  if (event === undefined) throw new Error(`no ${type} event`);
  return event;
};

let userCount = 0;
/** Creates a standard user through the API; returns their id and a signed-in client. */
const aStandardUser = async (): Promise<{ id: string; username: string; client: ApiClient }> => {
  userCount += 1;
  const username = `worker${userCount}`;
  const created = await t.admin.post<Json>("/api/v1/users", {
    username,
    name: `Worker ${userCount}`,
    email: `${username}@example.com`,
    profile: "standardUser",
    password: USER_PASSWORD,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const client = apiClient(t.server.url);
  expect((await client.login("demo", username, USER_PASSWORD)).status).toBe(200);
  return { id: String(created.body.id), username, client };
};

const anAccount = async (name: string): Promise<Json> => {
  const created = await t.admin.post<Json>("/api/v1/records/account", { name });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
};

const publish = async (documents: readonly MetadataDocument[]): Promise<Json> => {
  for (const doc of documents) {
    const put = await t.admin.put(`/api/v1/metadata/draft/${doc.kind}/${doc.name}`, doc);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  }
  const published = await t.admin.post<Json>("/api/v1/metadata/publish", {});
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return published.body;
};

describe("sign-in events", () => {
  it("records a successful sign-in with the user, their username and address", async () => {
    const res = await t.anonymous().login("demo", "admin", ADMIN_PASSWORD);
    expect(res.status).toBe(200);
    expect(await latest("login.succeeded")).toMatchObject({
      type: "login.succeeded",
      actorId: adminId,
      actorName: "admin",
      ip: expect.stringMatching(/127\.0\.0\.1/),
    });
  });

  it("records a failed sign-in with the username tried and never the password", async () => {
    expectProblem(await t.anonymous().login("demo", "mallory", "Sup3r-Secret-Guess"), 401);
    const event = await latest("login.failed");
    expect(event).toMatchObject({ type: "login.failed", actorName: "mallory" });
    expect(event.actorId).toBeUndefined();
    const everything = await t.admin.get("/api/v1/audit?limit=200");
    expect(JSON.stringify(everything.body)).not.toContain("Sup3r-Secret-Guess");
  });

  it("records a throttled sign-in", async () => {
    for (let i = 0; i < 5; i += 1) expectProblem(await t.anonymous().login("demo", "eve", WRONG), 401);
    expectProblem(await t.anonymous().login("demo", "eve", WRONG), 429);
    expect(await latest("login.throttled")).toMatchObject({
      actorName: "eve",
      details: { retryAfterSeconds: 900 },
    });
  });

  it("records a sign-out by the signed-in user", async () => {
    const client = t.anonymous();
    await client.login("demo", "admin", ADMIN_PASSWORD);
    expect((await client.post("/api/v1/auth/logout", {})).status).toBe(204);
    expect(await latest("logout")).toMatchObject({ actorId: adminId, actorName: "admin" });
  });
});

describe("user events", () => {
  it("records a created user with their profile, and never their password", async () => {
    const user = await aStandardUser();
    const event = await latest("user.created");
    expect(event).toMatchObject({
      actorId: adminId,
      actorName: "admin",
      target: { object: "user", id: user.id, name: user.username },
      details: { profile: "standardUser" },
    });
    expect(JSON.stringify(event)).not.toContain(USER_PASSWORD);
  });

  it("records a password change of a user", async () => {
    const user = await aStandardUser();
    const changed = await t.admin.post(`/api/v1/users/${user.id}/password`, {
      password: "another password 1",
    });
    expect(changed.status).toBe(204);
    const event = await latest("user.passwordChanged");
    expect(event).toMatchObject({
      actorId: adminId,
      target: { object: "user", id: user.id, name: user.username },
    });
    expect(JSON.stringify(event)).not.toContain("another password 1");
  });

  it("records a deactivation, once, before answering it", async () => {
    const user = await aStandardUser();
    const before = (await eventsOf("user.deactivated")).length;
    const current = await t.admin.get<Json>(`/api/v1/records/user/${user.id}`);
    const patched = await t.admin.patch(
      `/api/v1/records/user/${user.id}`,
      { active: false },
      Number(current.body.version),
    );
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(await latest("user.deactivated")).toMatchObject({
      actorId: adminId,
      target: { object: "user", id: user.id, name: user.username },
    });
    // Setting an inactive user inactive again, or changing other fields, is no deactivation.
    const again = await t.admin.patch(
      `/api/v1/records/user/${user.id}`,
      { active: false },
      Number(patched.body.version),
    );
    expect(again.status).toBe(200);
    await t.admin.patch(`/api/v1/records/user/${user.id}`, { title: "Gone" }, Number(again.body.version));
    expect((await eventsOf("user.deactivated")).length).toBe(before + 1);
  });

  it("records nothing for a deactivation that is refused", async () => {
    const user = await aStandardUser();
    const before = await eventsOf("user.deactivated");
    const current = await t.admin.get<Json>(`/api/v1/records/user/${user.id}`);
    const stale = await t.admin.patch(
      `/api/v1/records/user/${user.id}`,
      { active: false },
      Number(current.body.version) + 1,
    );
    expectProblem(stale, 409);
    const byUser = await user.client.patch(
      `/api/v1/records/user/${user.id}`,
      { active: false },
      Number(current.body.version),
    );
    expect(byUser.status).toBeGreaterThanOrEqual(400);
    expect(await eventsOf("user.deactivated")).toEqual(before);
    expect((await t.admin.get<Json>(`/api/v1/records/user/${user.id}`)).body.active).not.toBe(false);
  });
});

describe("metadata events", () => {
  it("records a publish and lists the changed access documents apart", async () => {
    const result = await publish([
      anObject("gadget").withField(text("label")).build(),
      {
        kind: "permissionSet",
        name: "gadgetReaders",
        label: { en: "Gadget readers" },
        objects: { gadget: { read: true } },
      },
      { kind: "role", name: "gadgetLead", label: { en: "Gadget lead" } },
    ]);
    const event = await latest("metadata.published");
    expect(event).toMatchObject({
      actorId: adminId,
      target: { object: "metadata", id: String(result.version) },
      details: { version: result.version, forced: false },
    });
    expect(event.details?.accessChanges).toEqual([
      { kind: "permissionSet", name: "gadgetReaders", change: "added" },
      { kind: "role", name: "gadgetLead", change: "added" },
    ]);
    expect(event.details?.changes).toContainEqual({ kind: "object", name: "gadget", change: "added" });
  });
});

describe("sharing events", () => {
  it("records a manual share and its removal, naming whom it granted what", async () => {
    const user = await aStandardUser();
    const account = await anAccount("Shared Account");
    const shared = await t.admin.post<Json>(`/api/v1/records/account/${account.id}/shares`, {
      user: user.id,
      access: "edit",
    });
    expect(shared.status, JSON.stringify(shared.body)).toBe(201);
    const expected = { shareId: shared.body.id, user: user.id, access: "edit" };
    expect(await latest("record.shared")).toMatchObject({
      actorId: adminId,
      target: { object: "account", id: account.id },
      details: expected,
    });
    const removed = await t.admin.delete(`/api/v1/records/account/${account.id}/shares/${shared.body.id}`);
    expect(removed.status).toBe(204);
    expect(await latest("record.unshared")).toMatchObject({
      actorId: adminId,
      target: { object: "account", id: account.id },
      details: expected,
    });
  });

  it("records an ownership transfer from the old owner to the new one", async () => {
    const user = await aStandardUser();
    const account = await anAccount("Transferred Account");
    const moved = await t.admin.post<Json>(`/api/v1/records/account/${account.id}/owner`, {
      ownerId: user.id,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(await latest("record.ownerChanged")).toMatchObject({
      actorId: adminId,
      target: { object: "account", id: account.id },
      details: { from: adminId, to: user.id },
    });
  });

  it("records nothing for a refused share", async () => {
    const user = await aStandardUser();
    const account = await anAccount("Not Yours");
    const before = await eventsOf("record.shared");
    const refused = await user.client.post(`/api/v1/records/account/${account.id}/shares`, { user: user.id });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await eventsOf("record.shared")).toEqual(before);
  });
});

describe("reading the audit log", () => {
  it("is refused to a user without modifyAllData or manageUsers, and to anonymous callers", async () => {
    const user = await aStandardUser();
    expectProblem(await user.client.get("/api/v1/audit"), 403);
    expectProblem(await t.anonymous().get("/api/v1/audit"), 401);
  });

  it("pages newest first with a cursor: every event once, in order", async () => {
    for (let i = 0; i < 3; i += 1) await t.anonymous().login("demo", "admin", ADMIN_PASSWORD);
    const all = (await t.admin.get<{ events: AuditEvent[] }>("/api/v1/audit?limit=200")).body.events;
    expect(all.length).toBeGreaterThan(5);
    const sorted = [...all].sort((a, b) =>
      a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at),
    );
    expect(all.map((e) => e.id)).toEqual(sorted.map((e) => e.id));
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? "" : `&cursor=${cursor}`;
      const page = await t.admin.get<{ events: AuditEvent[]; nextCursor: string | null }>(
        `/api/v1/audit?limit=2${query}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.events.length).toBeLessThanOrEqual(2);
      paged.push(...page.body.events.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null && paged.length < all.length + 4);
    // Events of the reads themselves do not exist: reading the log is not a security event.
    expect(paged.slice(0, all.length)).toEqual(all.map((e) => e.id));
  });

  it("lists only one type when asked", async () => {
    const events = await eventsOf("login.succeeded");
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(["login.succeeded"]));
  });

  it.each([
    ["limit=0", "/limit"],
    ["limit=201", "/limit"],
    ["limit=abc", "/limit"],
    ["cursor=../../x", "/cursor"],
    ["type=login", "/type"],
    ["type=%24where", "/type"],
  ])("refuses %s with 400 at %s", async (query, path) => {
    const res = await t.admin.get(`/api/v1/audit?${query}`);
    expect(expectProblem(res, 400).errors.map((e) => e.path)).toEqual([path]);
  });

  it("answers an unknown but well-formed cursor with an empty page", async () => {
    const res = await t.admin.get<{ events: AuditEvent[]; nextCursor: string | null }>(
      `/api/v1/audit?cursor=${"0".repeat(26)}`,
    );
    expect(res.body).toEqual({ events: [], nextCursor: null });
  });
});
