import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRecords, expectProblem } from "../engine/support/problem-assertions.js";
import { buildSalesOrg, type Principal, type SalesOrg } from "./support/org.js";
import { createUser, PASSWORD } from "./support/org-admin.js";

type Json = Record<string, unknown>;

let org: SalesOrg;
let leaverId: string;

const dealUrl = () => `/api/v1/records/opportunity/${org.deal.alpha}`;
const snapshot = async (path: string) => (await org.as.admin.get<Json>(path)).body;
const ownerOfAlpha = async () => (await snapshot(dealUrl())).ownerId;

// Values an attacker would like to set: every one is refused, never silently ignored.
const FORBIDDEN_KEYS: ReadonlyArray<readonly [string, unknown, string]> = [
  ["id", "01ATTACKERCHOSENID00000000", "field.system"],
  ["version", 99, "field.system"],
  ["ownerId", "", "field.system"],
  ["createdAt", "2000-01-01T00:00:00.000Z", "field.system"],
  ["createdBy", "", "field.system"],
  ["updatedAt", "2000-01-01T00:00:00.000Z", "field.system"],
  ["updatedBy", "", "field.system"],
  ["tenant", "acme", "field.system"],
];
const withUser = (value: unknown) => (value === "" ? org.userId.rep2 : value);

beforeAll(async () => {
  org = await buildSalesOrg();
  const leaver = await createUser(org.as.admin, "demo", { username: "leaver", role: "salesRep" });
  leaverId = leaver.id;
  const version = Number((await snapshot(`/api/v1/records/user/${leaverId}`)).version);
  expect(
    (await org.as.admin.patch(`/api/v1/records/user/${leaverId}`, { active: false }, version)).status,
  ).toBe(200);
}, 120_000);

afterAll(async () => {
  await org?.t.close();
});

describe("system fields and the tenant are never writable", () => {
  it.each(FORBIDDEN_KEYS)(
    "creating with %s is refused (422) and creates nothing",
    async (key, value, code) => {
      const before = await countRecords(org.as.admin, "opportunity");
      const res = await org.as.rep1.post("/api/v1/records/opportunity", {
        name: "Mass assignment",
        account: org.accountOf.alpha,
        stage: "prospecting",
        closeDate: "2027-01-01",
        [key]: withUser(value),
      });
      expect(expectProblem(res, 422).errors).toEqual([
        { path: `/${key}`, code, message: expect.any(String) },
      ]);
      expect(await countRecords(org.as.admin, "opportunity")).toBe(before);
    },
  );

  it.each(FORBIDDEN_KEYS)("updating %s is refused (422) and changes nothing", async (key, value, code) => {
    const before = await snapshot(dealUrl());
    const res = await org.as.rep1.patch(
      dealUrl(),
      { nextStep: "sneaky", [key]: withUser(value) },
      Number(before.version),
    );
    expect(expectProblem(res, 422).errors).toEqual([{ path: `/${key}`, code, message: expect.any(String) }]);
    expect(await snapshot(dealUrl())).toEqual(before);
  });

  it.each(FORBIDDEN_KEYS)(
    "creating a user with %s is refused (422) and creates nothing",
    async (key, value) => {
      const before = await countRecords(org.as.admin, "user");
      const res = await org.as.admin.post("/api/v1/users", {
        username: `mass-${key}`,
        name: "Mass",
        email: `mass-${key}@demo.example.com`,
        profile: "standardUser",
        password: PASSWORD,
        [key]: withUser(value),
      });
      expect(expectProblem(res, 422).errors.map((e) => e.path)).toEqual([`/${key}`]);
      expect(await countRecords(org.as.admin, "user")).toBe(before);
    },
  );
});

describe("ownership moves only through POST .../owner, by the owner, the hierarchy or an admin", () => {
  it.each([
    ["rep2", 404],
    ["outsider", 404],
    ["partner", 404],
    ["otherAdmin", 404],
    ["support1", 403],
    ["auditor", 403],
  ] as const)("%s is refused (%i) and the owner stays", async (p: Principal, status) => {
    const before = await snapshot(dealUrl());
    const res = await org.as[p].post(`${dealUrl()}/owner`, { ownerId: org.userId.support1 });
    expectProblem(res, status);
    expect(await snapshot(dealUrl())).toEqual(before);
  });

  it("the owner transfers; the new owner sees it, the old one no longer does", async () => {
    const res = await org.as.rep1.post<Json>(`${dealUrl()}/owner`, { ownerId: org.userId.rep2 });
    expect(res.status).toBe(200);
    expect(res.body.ownerId).toBe(org.userId.rep2);
    expect((await org.as.rep2.get(dealUrl())).status).toBe(200);
    expect((await org.as.rep1.get(dealUrl())).status).toBe(404);
    const history = await org.as.admin.get<{ entries: Json[] }>(`${dealUrl()}/history`);
    expect(history.body.entries.find((e) => e.field === "ownerId")).toMatchObject({
      oldValue: org.userId.rep1,
      newValue: org.userId.rep2,
    });
  });

  it("the manager above the owner transfers it back, and so may the admin", async () => {
    expect((await org.as.manager.post(`${dealUrl()}/owner`, { ownerId: org.userId.rep1 })).status).toBe(200);
    expect((await org.as.admin.post(`${dealUrl()}/owner`, { ownerId: org.userId.rep1 })).status).toBe(200);
    expect(await ownerOfAlpha()).toBe(org.userId.rep1);
  });

  it.each([
    ["an inactive user", () => leaverId],
    ["an unknown user", () => "01NOSUCHUSER0000000000000"],
    ["a user of another tenant", () => "01M8AAAAAAAAAAAAAAAAAAAAAA"],
    ["no user", () => undefined],
  ])("a transfer to %s is 422 and the owner stays", async (_what, target) => {
    const before = await snapshot(dealUrl());
    const res = await org.as.rep1.post(`${dealUrl()}/owner`, { ownerId: target() });
    expect(expectProblem(res, 422).errors.map((e) => e.code)).toEqual(["owner.invalid"]);
    expect(await snapshot(dealUrl())).toEqual(before);
  });
});

describe("a standard user cannot raise their own access", () => {
  it("cannot change their own user record's profile (403)", async () => {
    const me = `/api/v1/records/user/${org.userId.rep1}`;
    const before = await snapshot(me);
    const res = await org.as.rep1.patch(me, { profile: "systemAdministrator" }, Number(before.version));
    expectProblem(res, 403);
    expect(await snapshot(me)).toEqual(before);
  });

  it("cannot assign themselves a permission set: the object does not exist for them (404)", async () => {
    const before = await countRecords(org.as.admin, "permissionSetAssignment");
    const res = await org.as.rep1.post("/api/v1/records/permissionSetAssignment", {
      assignee: org.userId.rep1,
      permissionSet: "opportunityAuditor",
    });
    expectProblem(res, 404);
    expect(await countRecords(org.as.admin, "permissionSetAssignment")).toBe(before);
  });

  it("cannot join a group (403) or write manual shares directly (404)", async () => {
    const members = await countRecords(org.as.admin, "groupMember");
    const shares = await countRecords(org.as.admin, "recordShare");
    expectProblem(
      await org.as.rep1.post("/api/v1/records/groupMember", {
        group: org.emeaGroup,
        member: org.userId.rep1,
      }),
      403,
    );
    expectProblem(
      await org.as.rep1.post("/api/v1/records/recordShare", {
        sharedObject: "opportunity",
        sharedRecord: org.deal.charlie,
        sharedWithUser: org.userId.rep1,
        access: "edit",
      }),
      404,
    );
    expect(await countRecords(org.as.admin, "groupMember")).toBe(members);
    expect(await countRecords(org.as.admin, "recordShare")).toBe(shares);
  });

  it("cannot create users or set anyone's password (403)", async () => {
    const before = await countRecords(org.as.admin, "user");
    const created = await org.as.rep1.post("/api/v1/users", {
      username: "sneaky",
      name: "Sneaky",
      email: "sneaky@demo.example.com",
      profile: "systemAdministrator",
      password: PASSWORD,
    });
    expectProblem(created, 403);
    expect(await countRecords(org.as.admin, "user")).toBe(before);
    const reset = await org.as.rep1.post(`/api/v1/users/${org.userId.rep2}/password`, {
      password: "taken over!",
    });
    expectProblem(reset, 403);
    expect((await org.t.anonymous().login("demo", "rep2", PASSWORD)).status).toBe(200);
  });

  it.each([
    ["rep2", "charlie", "alpha", 404],
    ["support1", "alpha", "alpha", 403],
    ["rep2", "bravo", "bravo", 403],
    ["auditor", "delta", "delta", 403],
  ] as const)("%s cannot share %s they do not own (%i)", async (p, _label, deal, status) => {
    const url = `/api/v1/records/opportunity/${org.deal[deal]}/shares`;
    const before = await org.as.admin.get<{ shares: Json[] }>(url);
    expectProblem(await org.as[p].post(url, { user: org.userId.outsider, access: "edit" }), status);
    expectProblem(await org.as[p].get(url), status);
    expect((await org.as.admin.get(url)).body).toEqual(before.body);
    expect((await org.as.outsider.get(`/api/v1/records/opportunity/${org.deal[deal]}`)).status).toBe(404);
  });

  it("cannot edit or publish metadata (403)", async () => {
    const versions = (await org.as.admin.get("/api/v1/metadata/versions")).body;
    const draft = (await org.as.admin.get("/api/v1/metadata/draft/role/salesRep")).body;
    const doc = { kind: "role", name: "salesRep", label: { en: "Rep" }, parent: "ceo" };
    expectProblem(await org.as.rep1.put("/api/v1/metadata/draft/role/salesRep", doc), 403);
    expectProblem(await org.as.rep1.get("/api/v1/metadata/draft"), 403);
    expectProblem(await org.as.rep1.post("/api/v1/metadata/publish", {}), 403);
    expect((await org.as.admin.get("/api/v1/metadata/versions")).body).toEqual(versions);
    expect((await org.as.admin.get("/api/v1/metadata/draft/role/salesRep")).body).toEqual(draft);
  });
});
