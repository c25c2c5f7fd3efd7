import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../engine/support/problem-assertions.js";
import { ADMIN_PASSWORD, startTestServer, type TestServer } from "../../engine/support/test-server.js";

type Json = Record<string, unknown>;

let t: TestServer;
/** Every line the server logged, parsed. */
const logged: Json[] = [];

const demoDb = () => join(t.dataDir, "tenants", "demo.db");

/** Runs `fn` on the demo tenant's database with a connection of its own, beside the server's. */
const onDemoDb = <T>(fn: (db: Database.Database) => T): T => {
  const db = new Database(demoDb(), { fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
};

const sessionCount = () =>
  onDemoDb((db) => (db.prepare("SELECT count(*) AS n FROM sessions").get() as { n: number }).n);

const linesOf = (requestId: string | null, msg: string) =>
  logged.filter((line) => line.requestId === requestId && line.msg === msg);

beforeAll(async () => {
  t = await startTestServer({
    config: {
      logLevel: "warn",
      logDestination: { write: (line: string) => logged.push(JSON.parse(line) as Json) },
    },
  });
  // The audit log breaks under the running server, as a full disk or a lost database would break it.
  onDemoDb((db) => db.exec("DROP TABLE audit_events"));
});

afterAll(async () => {
  await t?.close();
});

describe("when the audit log cannot be written", () => {
  it("refuses a sign-in with a right password (500 naming the request) and leaves no session open", async () => {
    const sessions = sessionCount();
    const res = await t.anonymous().login("demo", "admin", ADMIN_PASSWORD);
    const requestId = res.headers.get("x-request-id");
    const problem = expectProblem(res, 500);
    expect(problem.title).toContain(String(requestId));
    expect(JSON.stringify(problem)).not.toContain("audit_events");
    expect((res.body as Json).token).toBeUndefined();
    expect(sessionCount()).toBe(sessions);
    expect(linesOf(requestId, "request failed")).toHaveLength(1);
  });

  it("still refuses a wrong password with 401, and logs the lost event with the request id", async () => {
    const res = await t.anonymous().login("demo", "admin", "wrong-password-123");
    expectProblem(res, 401);
    const [line] = linesOf(res.headers.get("x-request-id"), "audit event not recorded");
    expect(line).toMatchObject({ level: 50, audit: { type: "login.failed", actorName: "admin" } });
    expect(JSON.stringify(line)).not.toContain("wrong-password-123");
  });

  it("answers a change that was made as made, and logs the lost event with the request id", async () => {
    const res = await t.admin.post<Json>("/api/v1/users", {
      username: "unaudited",
      name: "Unaudited",
      email: "unaudited@example.com",
      profile: "standardUser",
      password: "a fine user password",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [line] = linesOf(res.headers.get("x-request-id"), "audit event not recorded");
    expect(line).toMatchObject({
      level: 50,
      audit: { type: "user.created", target: { object: "user", id: res.body.id, name: "unaudited" } },
      err: { message: expect.stringContaining("audit_events") },
    });
    expect(JSON.stringify(line)).not.toContain("a fine user password");
    expect((await t.admin.get(`/api/v1/records/user/${res.body.id}`)).status).toBe(200);
  });
});
