import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, type ApiResponse, apiClient } from "../engine/support/api-client.js";
import { expectProblem } from "../engine/support/problem-assertions.js";
import { buildSalesOrg, OTHER_TENANT, type SalesOrg } from "./support/org.js";
import { create, createUser, PASSWORD } from "./support/org-admin.js";

type Json = Record<string, unknown>;
type List = { records: Json[]; nextCursor: string | null };

let org: SalesOrg;
let acme: ApiClient;
let acmeAccount: string;
let acmeDeal: string;

/** Every record route, for one record: what a caller could try with an id from another tenant. */
const ATTEMPTS: ReadonlyArray<
  readonly [string, (c: ApiClient, path: string, user: string) => Promise<ApiResponse>]
> = [
  ["get", (c, path) => c.get(path)],
  ["history", (c, path) => c.get(`${path}/history`)],
  ["patch", (c, path) => c.patch(path, { description: "changed from another tenant" }, 1)],
  ["delete", (c, path) => c.delete(path)],
  ["list shares", (c, path) => c.get(`${path}/shares`)],
  ["share", (c, path, user) => c.post(`${path}/shares`, { user, access: "edit" })],
  ["unshare", (c, path) => c.delete(`${path}/shares/01M8AAAAAAAAAAAAAAAAAAAAAA`)],
  ["transfer", (c, path, user) => c.post(`${path}/owner`, { ownerId: user })],
];

beforeAll(async () => {
  org = await buildSalesOrg();
  acme = org.as.otherAdmin;
  acmeAccount = await create(acme, "account", { name: "Acme only" });
  acmeDeal = await create(acme, "opportunity", {
    name: "Acme deal",
    account: acmeAccount,
    stage: "proposal",
    closeDate: "2027-01-01",
  });
}, 120_000);

afterAll(async () => {
  await org?.t.close();
});

describe("ids of one tenant do not exist in another", () => {
  it.each(ATTEMPTS)(
    "%s with a demo id, as acme's admin, is 404 and demo's record is unchanged",
    async (_what, attempt) => {
      for (const path of [
        `/api/v1/records/opportunity/${org.deal.alpha}`,
        `/api/v1/records/account/${org.accountOf.alpha}`,
      ]) {
        const before = (await org.as.admin.get(path)).body;
        expectProblem(await attempt(acme, path, org.userId.admin), 404);
        expect((await org.as.admin.get(path)).body).toEqual(before);
      }
    },
  );

  it.each(ATTEMPTS)(
    "%s with an acme id, as demo's admin, is 404 and acme's record is unchanged",
    async (_what, attempt) => {
      const path = `/api/v1/records/opportunity/${acmeDeal}`;
      const before = (await acme.get(path)).body;
      expectProblem(await attempt(org.as.admin, path, org.userId.rep1), 404);
      expect((await acme.get(path)).body).toEqual(before);
    },
  );

  it("lists in acme hold only acme's records", async () => {
    const deals = await acme.get<List>("/api/v1/records/opportunity?limit=200");
    expect(deals.body.records.map((r) => r.id)).toEqual([acmeDeal]);
    const users = await acme.get<List>("/api/v1/records/user?limit=200");
    expect(users.body.records.map((r) => r.username)).toEqual(["admin"]);
    const search = await acme.get<List>("/api/v1/records/opportunity?q=Matrix");
    expect(search.body.records).toEqual([]);
  });

  it("an acme record cannot point at a demo record or user (422), and nothing is created", async () => {
    const before = (await acme.get<List>("/api/v1/records/opportunity?limit=200")).body.records.length;
    const deal = { name: "Cross", stage: "proposal", closeDate: "2027-01-01" };
    const lookup = await acme.post("/api/v1/records/opportunity", { ...deal, account: org.accountOf.alpha });
    expect(expectProblem(lookup, 422).errors.map((e) => e.code)).toEqual(["field.unknownReference"]);
    const member = await acme.post("/api/v1/records/groupMember", {
      group: await create(acme, "group", { name: "acmeGroup", label: "Acme" }),
      member: org.userId.rep1,
    });
    expect(expectProblem(member, 422).errors.map((e) => e.code)).toEqual(["field.unknownReference"]);
    const share = await acme.post(`/api/v1/records/opportunity/${acmeDeal}/shares`, {
      user: org.userId.rep1,
    });
    expectProblem(share, 422);
    const transfer = await acme.post(`/api/v1/records/opportunity/${acmeDeal}/owner`, {
      ownerId: org.userId.rep1,
    });
    expectProblem(transfer, 422);
    expect((await acme.get<List>("/api/v1/records/opportunity?limit=200")).body.records).toHaveLength(before);
    expect(
      (await acme.get<{ shares: Json[] }>(`/api/v1/records/opportunity/${acmeDeal}/shares`)).body.shares,
    ).toEqual([]);
  });
});

describe("tokens are bound to one tenant", () => {
  const withToken = (token: string) => {
    const client = apiClient(org.t.server.url);
    client.token = token;
    return client;
  };
  const secretOf = (token: string | undefined) => String(token).slice(String(token).indexOf(".") + 1);

  it.each([
    ["demo's token relabelled for acme", () => `${OTHER_TENANT}.${secretOf(org.as.admin.token)}`],
    ["acme's token relabelled for demo", () => `demo.${secretOf(acme.token)}`],
    ["demo's secret without a tenant", () => secretOf(org.as.admin.token)],
    ["demo's token for a tenant that does not exist", () => `nosuchtenant.${secretOf(org.as.admin.token)}`],
    ["demo's token with a path in the tenant", () => `..%2Fdemo.${secretOf(org.as.admin.token)}`],
  ])("%s is 401 on every route", async (_what, token) => {
    const client = withToken(token());
    for (const path of [
      "/api/v1/records/opportunity",
      `/api/v1/records/opportunity/${org.deal.alpha}`,
      `/api/v1/records/opportunity/${acmeDeal}`,
      "/api/v1/metadata/objects",
      "/api/v1/openapi.json",
    ])
      expectProblem(await client.get(path), 401);
    expectProblem(await client.post("/api/v1/users", { username: "x" }), 401);
  });

  it("demo's credentials do not open acme, nor acme's demo", async () => {
    expectProblem(await org.t.anonymous().login(OTHER_TENANT, "rep1", PASSWORD), 401);
    const acmeRep = await createUser(acme, OTHER_TENANT, { username: "rep1" });
    const reset = await acme.post(`/api/v1/users/${acmeRep.id}/password`, {
      password: "acme's own password",
    });
    expect(reset.status).toBe(204);
    expectProblem(await org.t.anonymous().login("demo", "rep1", "acme's own password"), 401);
    expect((await org.t.anonymous().login("demo", "rep1", PASSWORD)).status).toBe(200);
    expect((await org.t.anonymous().login(OTHER_TENANT, "rep1", "acme's own password")).status).toBe(200);
  });
});

describe("cursors carry no tenant's data into another", () => {
  it("a demo cursor used in acme pages acme's records only", async () => {
    const page = await org.as.admin.get<List>("/api/v1/records/account?limit=1&sort=name");
    expect(page.body.nextCursor).not.toBeNull();
    const res = await acme.get<List>(
      `/api/v1/records/account?limit=200&sort=name&cursor=${page.body.nextCursor}`,
    );
    expect(res.status).toBe(200);
    const demoAccounts = new Set(Object.values(org.accountOf));
    expect(res.body.records.every((r) => !demoAccounts.has(String(r.id)))).toBe(true);
    expect(res.body.records.map((r) => r.id).filter((id) => id !== acmeAccount)).toEqual([]);
  });

  it("a cursor forged from a demo record's id and name pages acme's records only", async () => {
    const forged = Buffer.from(JSON.stringify({ s: "name", a: ["", org.accountOf.alpha] })).toString(
      "base64url",
    );
    const res = await acme.get<List>(`/api/v1/records/account?sort=name&cursor=${forged}`);
    expect(res.body.records.map((r) => r.id)).toEqual([acmeAccount]);
  });
});

describe("the users API works within the caller's tenant only", () => {
  it("acme's admin cannot reset a demo user's password or deactivate them (404)", async () => {
    const url = `/api/v1/records/user/${org.userId.rep2}`;
    const before = (await org.as.admin.get(url)).body;
    expectProblem(
      await acme.post(`/api/v1/users/${org.userId.rep2}/password`, { password: "taken over!!" }),
      404,
    );
    expectProblem(await acme.patch(url, { active: false }, 1), 404);
    expect((await org.as.admin.get(url)).body).toEqual(before);
    expect((await org.as.rep2.get("/api/v1/records/opportunity")).status).toBe(200);
    expect((await org.t.anonymous().login("demo", "rep2", PASSWORD)).status).toBe(200);
  });

  it("demo's roles, groups and sharing rules are not acme's", async () => {
    expectProblem(await acme.get("/api/v1/metadata/draft/role/salesRep"), 404);
    const groups = await acme.get<List>("/api/v1/records/group?limit=200");
    expect(groups.body.records.map((g) => g.name)).not.toContain("emea");
    expectProblem(await acme.get(`/api/v1/records/group/${org.emeaGroup}`), 404);
  });
});
