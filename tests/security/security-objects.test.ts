import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../engine/support/api-client.js";
import { countRecords, expectProblem } from "../engine/support/problem-assertions.js";
import { buildSalesOrg, type SalesOrg } from "./support/org.js";
import { create, createUser, filterQuery, PASSWORD, publish } from "./support/org-admin.js";
import { permissionSet } from "./support/security-documents.js";

type Json = Record<string, unknown>;

const SECURITY_FIELDS: Record<string, string[]> = {
  user: ["username", "name", "email", "profile", "role", "active"],
  group: ["name", "label"],
  groupMember: ["group", "member"],
  permissionSetAssignment: ["assignee", "permissionSet"],
  recordShare: ["sharedObject", "sharedRecord", "sharedWithUser", "sharedWithGroup", "access"],
};
const ALL_OPS = { create: true, read: true, edit: true, delete: true, viewAll: true, modifyAll: true };
const fieldGrants = (objects: string[]) =>
  Object.fromEntries(
    objects.map((o) => [
      o,
      Object.fromEntries((SECURITY_FIELDS[o] ?? []).map((f) => [f, { read: true, edit: true }])),
    ]),
  );
const grantsOn = (objects: string[]) => Object.fromEntries(objects.map((o) => [o, ALL_OPS]));

let org: SalesOrg;
let delegate: { id: string; client: ApiClient };
let userAdmin: ApiClient;
let sharingAdmin: ApiClient;

beforeAll(async () => {
  org = await buildSalesOrg();
  const everything = Object.keys(SECURITY_FIELDS);
  const directory = ["user", "group", "groupMember", "permissionSetAssignment"];
  await publish(org.as.admin, [
    // Every object grant on every security object, modifyAll included, but no system permission.
    permissionSet("directoryEditor", { objects: grantsOn(everything), fields: fieldGrants(everything) }),
    permissionSet("userAdministration", {
      objects: Object.fromEntries(
        directory.map((o) => [o, { create: true, read: true, edit: true, delete: true }]),
      ),
      fields: fieldGrants(directory),
      system: { manageUsers: true },
    }),
    permissionSet("sharingAdministration", {
      objects: { recordShare: { create: true, read: true, edit: true, delete: true } },
      fields: fieldGrants(["recordShare"]),
      system: { manageSharing: true },
    }),
  ]);
  delegate = await createUser(org.as.admin, "demo", {
    username: "delegate",
    role: "marketing",
    permissionSets: ["directoryEditor"],
  });
  userAdmin = (
    await createUser(org.as.admin, "demo", { username: "useradmin", permissionSets: ["userAdministration"] })
  ).client;
  sharingAdmin = (
    await createUser(org.as.admin, "demo", {
      username: "sharingadmin",
      permissionSets: ["sharingAdministration", "opportunityAuditor"],
    })
  ).client;
}, 120_000);

afterAll(async () => {
  await org?.t.close();
});

const userUrl = (id: string) => `/api/v1/records/user/${id}`;
const versionOf = async (path: string) => Number((await org.as.admin.get<Json>(path)).body.version);

describe("object grants on security objects do not replace manageUsers / manageSharing", () => {
  it.each([
    ["permissionSetAssignment", () => ({ assignee: delegate.id, permissionSet: "opportunityAuditor" })],
    ["groupMember", () => ({ group: org.emeaGroup, member: delegate.id })],
    ["group", () => ({ name: "mine", label: "Mine" })],
    [
      "user",
      () => ({ username: "x", name: "x", email: "x@demo.example.com", profile: "systemAdministrator" }),
    ],
    [
      "recordShare",
      () => ({
        sharedObject: "opportunity",
        sharedRecord: org.deal.alpha,
        sharedWithUser: delegate.id,
        access: "edit",
      }),
    ],
  ])("creating %s is 403 and creates nothing", async (object, body) => {
    const before = await countRecords(org.as.admin, object);
    expectProblem(await delegate.client.post(`/api/v1/records/${object}`, body()), 403);
    expect(await countRecords(org.as.admin, object)).toBe(before);
    expect(
      (await delegate.client.get<{ records: Json[] }>("/api/v1/records/opportunity")).body.records,
    ).toEqual([]);
  });

  it("changing their own profile or deactivating someone is 403 and changes nothing", async () => {
    for (const [id, change] of [
      [delegate.id, { profile: "systemAdministrator" }],
      [org.userId.rep1, { active: false }],
    ] as const) {
      const before = (await org.as.admin.get(userUrl(id))).body;
      expectProblem(await delegate.client.patch(userUrl(id), change, await versionOf(userUrl(id))), 403);
      expect((await org.as.admin.get(userUrl(id))).body).toEqual(before);
    }
    expect((await org.as.rep1.get("/api/v1/records/opportunity")).status).toBe(200);
  });

  it("removing an assignment or a membership is 403", async () => {
    const members = await org.as.admin.get<{ records: Json[] }>("/api/v1/records/groupMember");
    const member = members.body.records[0];
    expectProblem(await delegate.client.delete(`/api/v1/records/groupMember/${member?.id}`), 403);
    expect(await countRecords(org.as.admin, "groupMember")).toBe(members.body.records.length);
  });

  it("the metadata API tells them so", async () => {
    type Objects = { objects: Array<{ name: string; permissions: Json }> };
    const { objects } = (await delegate.client.get<Objects>("/api/v1/metadata/objects")).body;
    for (const name of Object.keys(SECURITY_FIELDS))
      expect([name, objects.find((o) => o.name === name)?.permissions]).toEqual([
        name,
        { create: false, edit: false, delete: false },
      ]);
  });
});

describe("manageUsers manages every user, group, membership and assignment", () => {
  it("creates a user, assigns a permission set and a group, whoever created those records", async () => {
    const created = await userAdmin.post<Json>("/api/v1/users", {
      username: "hired",
      name: "Hired",
      email: "hired@demo.example.com",
      profile: "standardUser",
      role: "salesRep",
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    await create(userAdmin, "permissionSetAssignment", { assignee: id, permissionSet: "opportunityAuditor" });
    await create(userAdmin, "groupMember", { group: org.emeaGroup, member: id });
    const hired = org.t.anonymous();
    expect((await hired.login("demo", "hired", PASSWORD)).status).toBe(200);
    expect((await hired.get<{ records: Json[] }>("/api/v1/records/opportunity")).body.records).toHaveLength(
      4,
    );
  });

  it("deactivates a user created by the admin, which signs them out", async () => {
    const { id, client } = await createUser(org.as.admin, "demo", { username: "temp" });
    expect((await userAdmin.patch(userUrl(id), { active: false }, await versionOf(userUrl(id)))).status).toBe(
      200,
    );
    expectProblem(await client.get("/api/v1/records/account"), 401);
  });

  it.each([
    ["profile", { profile: "standardUsr" }, "field.unknownProfile"],
    ["role", { role: "salesRepresentative" }, "field.unknownRole"],
  ])("an unknown %s is 422 and creates no user", async (_what, change, code) => {
    const before = await countRecords(org.as.admin, "user");
    const body = {
      username: "typo",
      name: "T",
      email: "t@demo.example.com",
      profile: "standardUser",
      password: PASSWORD,
    };
    const res = await userAdmin.post("/api/v1/users", { ...body, ...change });
    expect(expectProblem(res, 422).errors.map((e) => e.code)).toEqual([code]);
    expect(await countRecords(org.as.admin, "user")).toBe(before);
  });

  it("an unknown profile on update or permission set on assignment is 422 and changes nothing", async () => {
    const url = userUrl(org.userId.partner);
    const before = (await org.as.admin.get(url)).body;
    const res = await userAdmin.patch(url, { profile: "nobody" }, await versionOf(url));
    expect(expectProblem(res, 422).errors.map((e) => e.code)).toEqual(["field.unknownProfile"]);
    expect((await org.as.admin.get(url)).body).toEqual(before);
    const assignments = await countRecords(org.as.admin, "permissionSetAssignment");
    const assigned = await userAdmin.post("/api/v1/records/permissionSetAssignment", {
      assignee: org.userId.partner,
      permissionSet: "opportunityAuditr",
    });
    expect(expectProblem(assigned, 422).errors.map((e) => e.code)).toEqual(["field.unknownPermissionSet"]);
    expect(await countRecords(org.as.admin, "permissionSetAssignment")).toBe(assignments);
  });
});

describe("manageSharing shares records its holder can see but does not own", () => {
  it("shares delta with the outsider, lists and removes the share", async () => {
    const url = `/api/v1/records/opportunity/${org.deal.delta}`;
    const shared = await sharingAdmin.post<Json>(`${url}/shares`, {
      user: org.userId.outsider,
      access: "read",
    });
    expect(shared.status).toBe(201);
    expect((await org.as.outsider.get(url)).status).toBe(200);
    const listed = await sharingAdmin.get<{ shares: Json[] }>(`${url}/shares`);
    expect(listed.body.shares.map((s) => s.id)).toContain(shared.body.id);
    expect((await sharingAdmin.delete(`${url}/shares/${shared.body.id}`)).status).toBe(204);
    expect((await org.as.outsider.get(url)).status).toBe(404);
  });

  it("but may not transfer it (403)", async () => {
    const url = `/api/v1/records/opportunity/${org.deal.delta}`;
    expectProblem(await sharingAdmin.post(`${url}/owner`, { ownerId: org.userId.rep1 }), 403);
    expect((await org.as.admin.get<Json>(url)).body.ownerId).toBe(org.userId.manager);
  });
});

describe("a detail record needs edit access to its master", () => {
  let quote: string;
  let product: string;
  const line = () => ({ quote, product, quantity: 2, unitPrice: 10 });
  const quoteOf = async () => (await org.as.admin.get<Json>(`/api/v1/records/quote/${quote}`)).body;

  beforeAll(async () => {
    product = await create(org.as.admin, "product", { name: "Widget" });
    quote = await create(org.as.rep1, "quote", { name: "Q", opportunity: org.deal.alpha, status: "draft" });
    for (const [user, access] of [
      [org.userId.partner, "read"],
      [org.userId.support1, "edit"],
    ] as const)
      expect((await org.as.rep1.post(`/api/v1/records/quote/${quote}/shares`, { user, access })).status).toBe(
        201,
      );
  });

  it("a user who can only read the master cannot add a detail (403) and the master is unchanged", async () => {
    const before = await quoteOf();
    const res = await org.as.partner.post("/api/v1/records/quoteLine", line());
    expect(expectProblem(res, 403).errors.map((e) => e.code)).toEqual(["field.masterNotEditable"]);
    expect(await quoteOf()).toEqual(before);
  });

  it("a user who can edit the master adds one, but cannot move it under a master they only read", async () => {
    const added = await org.as.support1.post<Json>("/api/v1/records/quoteLine", line());
    expect(added.status).toBe(201);
    expect(await quoteOf()).toMatchObject({ lineCount: 1, subtotal: 20 });
    const other = await create(org.as.manager, "quote", {
      name: "Other",
      opportunity: org.deal.delta,
      status: "draft",
    });
    expect(
      (await org.as.manager.post(`/api/v1/records/quote/${other}/shares`, { user: org.userId.support1 }))
        .status,
    ).toBe(201);
    const moved = await org.as.support1.patch(
      `/api/v1/records/quoteLine/${added.body.id}`,
      { quote: other },
      1,
    );
    expectProblem(moved, 403);
    expect(await quoteOf()).toMatchObject({ lineCount: 1, subtotal: 20 });
  });
});

describe("deleting a record deletes its manual shares", () => {
  it("no share is left pointing at a deleted record", async () => {
    const id = await create(org.as.rep1, "opportunity", {
      name: "Short-lived",
      account: org.accountOf.alpha,
      stage: "prospecting",
      closeDate: "2027-01-01",
    });
    expect(
      (await org.as.rep1.post(`/api/v1/records/opportunity/${id}/shares`, { user: org.userId.outsider }))
        .status,
    ).toBe(201);
    const query = `/api/v1/records/recordShare?${filterQuery({ "==": [{ var: "sharedRecord" }, id] })}`;
    expect((await org.as.admin.get<{ records: Json[] }>(query)).body.records).toHaveLength(1);
    expect((await org.as.rep1.delete(`/api/v1/records/opportunity/${id}`)).status).toBe(204);
    expect((await org.as.admin.get<{ records: Json[] }>(query)).body.records).toEqual([]);
  });
});
