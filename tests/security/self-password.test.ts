import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ApiClient, type ApiResponse, apiClient } from "../engine/support/api-client.js";
import { expectProblem } from "../engine/support/problem-assertions.js";
import { startTestServer, type TestServer } from "../engine/support/test-server.js";
import { createUser, PASSWORD } from "./support/org-admin.js";

type Json = Record<string, unknown>;

const NEW_PASSWORD = "a fresh passphrase";
const WRONG = "not my password";
const MINUTE = 60_000;
const ROUTE = "/api/v1/auth/password";

let t: TestServer;
/** The sign-in limiter's clock, moved by the tests (the server runs in this process). */
let now = Date.UTC(2025, 0, 1);
let userCount = 0;

beforeAll(async () => {
  t = await startTestServer({ config: { loginThrottle: { now: () => now } } });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

// Every test starts after the sign-in windows of the previous one have passed.
beforeEach(() => {
  now += 16 * MINUTE;
});

/** A new standard user, signed in twice (two sessions). */
const aUser = async (): Promise<{ id: string; username: string; client: ApiClient; other: ApiClient }> => {
  userCount += 1;
  const username = `changer${userCount}`;
  const { id, client } = await createUser(t.admin, "demo", { username });
  const other = apiClient(t.server.url);
  expect((await other.login("demo", username, PASSWORD)).status).toBe(200);
  return { id, username, client, other };
};

const signsIn = async (username: string, password: string): Promise<boolean> =>
  (await t.anonymous().login("demo", username, password)).status === 200;
const works = async (client: ApiClient): Promise<boolean> =>
  (await client.get("/api/v1/records/account")).status === 200;
const change = (client: ApiClient, body: unknown): Promise<ApiResponse<Json>> =>
  client.post<Json>(ROUTE, body);
const latestAudit = async (type: string): Promise<Json | undefined> =>
  (await t.admin.get<{ events: Json[] }>(`/api/v1/audit?type=${type}&limit=1`)).body.events[0];

describe("a signed-in user changes their own password", () => {
  it("answers a new session; every earlier session, the one used included, ends", async () => {
    const user = await aUser();
    const res = await change(user.client, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ token: expect.any(String), expiresAt: expect.any(String), userId: user.id });
    expect(String(res.body.token)).toMatch(/^demo\./);
    expect(await works(user.client)).toBe(false);
    expect(await works(user.other)).toBe(false);
    const fresh = apiClient(t.server.url);
    fresh.token = String(res.body.token);
    expect(await works(fresh)).toBe(true);
  });

  it("only the new password signs in afterwards", async () => {
    const user = await aUser();
    expect((await change(user.client, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(
      200,
    );
    expect(await signsIn(user.username, PASSWORD)).toBe(false);
    expect(await signsIn(user.username, NEW_PASSWORD)).toBe(true);
  });

  it("leaves other users signed in", async () => {
    const user = await aUser();
    const bystander = await aUser();
    expect((await change(user.client, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(
      200,
    );
    expect(await works(bystander.client)).toBe(true);
    expect(await works(t.admin)).toBe(true);
    expect(await signsIn(bystander.username, PASSWORD)).toBe(true);
  });

  it("is audited as user.passwordChanged by the user, about themselves, without any password", async () => {
    const user = await aUser();
    expect((await change(user.client, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(
      200,
    );
    expect(await latestAudit("user.passwordChanged")).toMatchObject({
      actorId: user.id,
      actorName: user.username,
      target: { object: "user", id: user.id, name: user.username },
      details: { self: true },
    });
    const everything = JSON.stringify((await t.admin.get("/api/v1/audit?limit=200")).body);
    expect(everything).not.toContain(NEW_PASSWORD);
    expect(everything).not.toContain(PASSWORD);
  });
});

describe("a refused change changes nothing: password and sessions stay", () => {
  const expectUnchanged = async (user: Awaited<ReturnType<typeof aUser>>) => {
    expect(await works(user.client)).toBe(true);
    expect(await works(user.other)).toBe(true);
    expect(await signsIn(user.username, NEW_PASSWORD)).toBe(false);
    expect(await signsIn(user.username, PASSWORD)).toBe(true);
  };

  it("a wrong current password is 422 on /currentPassword, audited as a failed sign-in", async () => {
    const user = await aUser();
    const res = await change(user.client, { currentPassword: WRONG, newPassword: NEW_PASSWORD });
    expect(expectProblem(res, 422).errors).toEqual([
      { path: "/currentPassword", code: "auth.wrongPassword", message: expect.any(String) },
    ]);
    expect(res.body.token).toBeUndefined();
    expect(await latestAudit("login.failed")).toMatchObject({
      actorId: user.id,
      actorName: user.username,
      details: { during: "passwordChange" },
    });
    expect(JSON.stringify(await latestAudit("login.failed"))).not.toContain(WRONG);
    await expectUnchanged(user);
  });

  it.each([
    ["too short", "short"],
    ["too long", "x".repeat(201)],
    ["not text", 12345678],
    ["missing", undefined],
  ])("a new password %s is 422 on /newPassword", async (_what, newPassword) => {
    const user = await aUser();
    const res = await change(user.client, { currentPassword: PASSWORD, newPassword });
    expect(expectProblem(res, 422).errors).toEqual([
      { path: "/newPassword", code: "user.weakPassword", message: expect.any(String) },
    ]);
    await expectUnchanged(user);
  });

  it.each([
    ["no body", "[]"],
    ["no current password", { newPassword: NEW_PASSWORD }],
    ["an empty current password", { currentPassword: "", newPassword: NEW_PASSWORD }],
    ["a current password that is not text", { currentPassword: ["a"], newPassword: NEW_PASSWORD }],
  ])("%s is 400", async (_what, body) => {
    const user = await aUser();
    expectProblem(await change(user.client, body), 400);
    await expectUnchanged(user);
  });

  it("without signing in it is 401", async () => {
    const user = await aUser();
    expectProblem(await change(t.anonymous(), { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }), 401);
    await expectUnchanged(user);
  });

  it("with an API key it is 403: a key of an integration never sets its user's password", async () => {
    const user = await aUser();
    const created = await t.admin.post<Json>(`/api/v1/users/${user.id}/api-keys`, { name: "integration" });
    expect(created.status).toBe(201);
    const key = apiClient(t.server.url);
    key.token = String(created.body.token);
    expectProblem(await change(key, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }), 403);
    await expectUnchanged(user);
    expect(await works(key)).toBe(true);
  });
});

describe("guessing the current password is limited like signing in", () => {
  const expectThrottled = (response: ApiResponse<Json>) => {
    expect(expectProblem(response, 429).code).toBe("auth.throttled");
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  };

  it("after 5 wrong current passwords the sixth attempt is 429, even with the right password", async () => {
    const user = await aUser();
    for (let i = 0; i < 5; i += 1)
      expectProblem(await change(user.client, { currentPassword: WRONG, newPassword: NEW_PASSWORD }), 422);
    expectThrottled(await change(user.client, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }));
    expect(await latestAudit("login.throttled")).toMatchObject({
      actorId: user.id,
      details: { during: "passwordChange" },
    });
    expect(await signsIn(user.username, NEW_PASSWORD)).toBe(false);
    expect(await works(user.client)).toBe(true);
  });

  it("shares its count with sign-in: wrong current passwords lock sign-in too, and failed sign-ins the change", async () => {
    const user = await aUser();
    for (let i = 0; i < 3; i += 1)
      expectProblem(await change(user.client, { currentPassword: WRONG, newPassword: NEW_PASSWORD }), 422);
    for (let i = 0; i < 2; i += 1)
      expectProblem(await t.anonymous().login("demo", user.username, WRONG), 401);
    expectThrottled(await t.anonymous().login("demo", user.username, PASSWORD));
    expectThrottled(await change(user.client, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }));
  });

  it("a successful change forgets the user's earlier failures", async () => {
    const user = await aUser();
    for (let i = 0; i < 4; i += 1)
      expectProblem(await change(user.client, { currentPassword: WRONG, newPassword: NEW_PASSWORD }), 422);
    const res = await change(user.client, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(200);
    const fresh = apiClient(t.server.url);
    fresh.token = String(res.body.token);
    for (let i = 0; i < 4; i += 1)
      expectProblem(await change(fresh, { currentPassword: WRONG, newPassword: PASSWORD }), 422);
    expect((await change(fresh, { currentPassword: NEW_PASSWORD, newPassword: PASSWORD })).status).toBe(200);
  });

  it("refusals before any password check (400, weak new password) are not counted", async () => {
    const user = await aUser();
    for (let i = 0; i < 6; i += 1) {
      expectProblem(await change(user.client, { newPassword: NEW_PASSWORD }), 400);
      expectProblem(await change(user.client, { currentPassword: WRONG, newPassword: "short" }), 422);
    }
    expect((await change(user.client, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(
      200,
    );
  });
});
