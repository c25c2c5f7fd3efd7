import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create, createUser, publish } from "../../security/support/org-admin.js";
import { role } from "../../security/support/security-documents.js";
import type { ApiClient } from "../support/api-client.js";
import { expectProblem } from "../support/problem-assertions.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

let t: TestServer;
let boss: ApiClient;
const owned: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer();
  await publish(t.admin, [role("scopeBoss"), role("scopeRep", "scopeBoss"), role("scopeOther")]);
  const bossUser = await createUser(t.admin, "demo", { username: "boss", role: "scopeBoss" });
  const rep = await createUser(t.admin, "demo", { username: "rep1", role: "scopeRep" });
  const other = await createUser(t.admin, "demo", { username: "other", role: "scopeOther" });
  boss = bossUser.client;
  owned.boss = await create(boss, "task", { subject: "Boss task" });
  owned.rep = await create(rep.client, "task", { subject: "Rep task" });
  owned.other = await create(other.client, "task", { subject: "Other task" });
}, 60_000);
afterAll(async () => t?.close());

const subjects = async (client: ApiClient, scope?: string) => {
  const query = `filter=${encodeURIComponent(JSON.stringify({ startsWith: [{ var: "subject" }, ""] }))}&q=task${scope === undefined ? "" : `&scope=${scope}`}`;
  const listed = await client.get<{ records: Array<{ subject: string }> }>(`/api/v1/records/task?${query}`);
  expect(listed.status).toBe(200);
  return listed.body.records.map((r) => r.subject).sort();
};

describe("list scopes of list views", () => {
  it("mine: records the caller owns", async () => {
    expect(await subjects(boss, "mine")).toEqual(["Boss task"]);
  });

  it("team: the caller's and those of users below their role, never others'", async () => {
    expect(await subjects(boss, "team")).toEqual(["Boss task", "Rep task"]);
  });

  it("narrows, never widens: the admin's team of one sees only the admin's own", async () => {
    expect(await subjects(t.admin, "all")).toEqual(
      expect.arrayContaining(["Boss task", "Other task", "Rep task"]),
    );
    expect(await subjects(t.admin, "team")).not.toContain("Other task");
  });

  it("refuses an unknown scope with 400 naming it", async () => {
    const refused = expectProblem(await boss.get("/api/v1/records/task?scope=everyone"), 400);
    expect(refused.errors).toContainEqual(expect.objectContaining({ path: "/scope", code: "scope.unknown" }));
  });
});
