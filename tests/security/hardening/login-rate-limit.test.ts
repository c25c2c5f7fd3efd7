import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiResponse } from "../../engine/support/api-client.js";
import { expectProblem } from "../../engine/support/problem-assertions.js";
import { ADMIN_PASSWORD, startTestServer, type TestServer } from "../../engine/support/test-server.js";

type Json = Record<string, unknown>;

const MINUTE = 60_000;
const WRONG = "not-the-password";

let t: TestServer;
/** The sign-in limiter's clock, moved by the tests (the server runs in this process). */
let now = Date.UTC(2025, 0, 1);

beforeAll(async () => {
  t = await startTestServer({ config: { loginThrottle: { now: () => now } } });
});

afterAll(async () => {
  await t?.close();
});

// Every test starts after the windows of the previous one have passed.
beforeEach(() => {
  now += 16 * MINUTE;
});

const login = (username: string, password: string, tenant = "demo"): Promise<ApiResponse<Json>> =>
  t.anonymous().request<Json>("POST", "/api/v1/auth/login", { tenant, username, password });

const failTimes = async (times: number, username: string, tenant = "demo") => {
  for (let i = 0; i < times; i += 1) expectProblem(await login(username, WRONG, tenant), 401);
};

const expectThrottled = (response: ApiResponse<Json>, retryAfterSeconds: number) => {
  const problem = expectProblem(response, 429);
  expect(problem.code).toBe("auth.throttled");
  expect(problem.title).toBe("Too many failed sign-in attempts; wait before trying again");
  expect(response.headers.get("retry-after")).toBe(String(retryAfterSeconds));
  expect(problem.retryAfter).toBe(retryAfterSeconds);
  expect(response.body.token).toBeUndefined();
  return problem;
};

describe("sign-in limit per user", () => {
  it("refuses the sixth attempt within 15 minutes with 429, even with the right password", async () => {
    await failTimes(5, "admin");
    expectThrottled(await login("admin", ADMIN_PASSWORD), 15 * 60);
  });

  it("says when to come back, counted from the oldest failure, and lets the user in after it", async () => {
    await failTimes(1, "admin");
    now += 5 * MINUTE;
    await failTimes(4, "admin");
    expectThrottled(await login("admin", ADMIN_PASSWORD), 10 * 60);
    now += 10 * MINUTE;
    expect((await login("admin", ADMIN_PASSWORD)).status).toBe(200);
  });

  it("answers a user or tenant that does not exist exactly as a real user: no existence oracle", async () => {
    const cases = [
      ["admin", "demo"],
      ["nobody", "demo"],
      ["admin", "nowhere"],
    ] as const;
    const answers: string[] = [];
    for (const [username, tenant] of cases) {
      await failTimes(5, username, tenant);
      const refused = await login(username, ADMIN_PASSWORD, tenant);
      expectThrottled(refused, 15 * 60);
      answers.push(JSON.stringify(refused.body));
    }
    expect(new Set(answers).size).toBe(1);
  });

  it("forgets a user's failures once they sign in", async () => {
    await failTimes(4, "admin");
    expect((await login("admin", ADMIN_PASSWORD)).status).toBe(200);
    await failTimes(4, "admin");
    expect((await login("admin", ADMIN_PASSWORD)).status).toBe(200);
  });

  it("counts the username in any letter case", async () => {
    await failTimes(3, "admin");
    await failTimes(2, "ADMIN");
    expectThrottled(await login("admin", ADMIN_PASSWORD), 15 * 60);
  });

  it("does not count requests refused before any password check (400)", async () => {
    for (let i = 0; i < 8; i += 1) {
      const res = await t
        .anonymous()
        .request("POST", "/api/v1/auth/login", { tenant: "demo", username: "admin" });
      expectProblem(res, 400);
    }
    expect((await login("admin", ADMIN_PASSWORD)).status).toBe(200);
  });

  it("leaves signed-in sessions working while their user is throttled", async () => {
    await failTimes(5, "admin");
    expect((await t.admin.get("/api/v1/records/account?limit=1")).status).toBe(200);
  });
});

describe("sign-in limit per address", () => {
  it("refuses every username from an address after 20 failures in 15 minutes", async () => {
    for (let i = 0; i < 20; i += 1) await failTimes(1, `guess${i}`);
    expectThrottled(await login("someone-else", WRONG), 15 * 60);
    expectThrottled(await login("admin", ADMIN_PASSWORD), 15 * 60);
    now += 15 * MINUTE;
    expect((await login("admin", ADMIN_PASSWORD)).status).toBe(200);
  });

  it("does not count successful sign-ins against the address", async () => {
    for (let i = 0; i < 25; i += 1) expect((await login("admin", ADMIN_PASSWORD)).status).toBe(200);
    await failTimes(1, "admin");
  });
});
