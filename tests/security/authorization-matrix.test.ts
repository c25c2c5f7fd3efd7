import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../engine/support/api-client.js";
import { buildSalesOrg, DEALS, type Deal, PRINCIPALS, type Principal, type SalesOrg } from "./support/org.js";
import { create, filterQuery, versionOf } from "./support/org-admin.js";

type Json = Record<string, unknown>;
type List = { records: Json[]; total?: number };

interface Access {
  /** Deals the principal sees: get, list, count, history, search and filters. */
  read: Deal[];
  /** Deals they may change (PATCH 200); the rest of `read` answers 403, the others 404. */
  edit: Deal[];
  /** Deals they may delete; the rest of `read` answers 403, the others 404. */
  delete: Deal[];
  /** Deals whose account lookup shows the account's name (the account is visible to them). */
  accountNames: Deal[];
}

const ALL: Deal[] = [...DEALS];
const NONE: Deal[] = [];

// The specification (see support/org.ts for roles, rules, shares and owners). Deals: A alpha and
// B bravo (rep1's, bravo closedWon), C charlie (rep2's), D delta (manager's).
const A = "alpha";
const B = "bravo";
const C = "charlie";
const D = "delta";
// biome-ignore format: the matrix reads as a table
const MATRIX: Record<Principal, Access> = {
  //           sees                     changes            deletes            sees the account name of
  rep1:       { read: [A, B],          edit: [A, B],      delete: [A, B],    accountNames: [A, B] }, // owner
  rep2:       { read: [B, C, D],       edit: [B, C],      delete: [C],       accountNames: [C] }, // peer; emea: B by rule (edit), D by group share
  manager:    { read: ALL,             edit: ALL,         delete: ALL,       accountNames: ALL }, // salesRep is below salesManager
  ceo:        { read: ALL,             edit: ALL,         delete: ALL,       accountNames: ALL }, // two levels up
  support1:   { read: [A, B, C],       edit: [A],         delete: NONE,      accountNames: NONE }, // owner rule (read); A shared by hand (edit)
  outsider:   { read: NONE,            edit: NONE,        delete: NONE,      accountNames: NONE }, // unrelated role
  partner:    { read: [C],             edit: NONE,        delete: NONE,      accountNames: NONE }, // C shared by hand (read)
  auditor:    { read: ALL,             edit: NONE,        delete: NONE,      accountNames: NONE }, // viewAll on opportunity only
  admin:      { read: ALL,             edit: ALL,         delete: ALL,       accountNames: ALL },
  otherAdmin: { read: NONE,            edit: NONE,        delete: NONE,      accountNames: NONE }, // another tenant
};

let org: SalesOrg;
const client = (p: Principal): ApiClient => org.as[p];
const url = (deal: Deal, suffix = "") => `/api/v1/records/opportunity/${org.deal[deal]}${suffix}`;
const dealOf = (id: unknown): string => DEALS.find((d) => org.deal[d] === id) ?? `not a deal: ${String(id)}`;
const dealsIn = (records: Json[]) => records.map((r) => dealOf(r.id)).sort();
const listDeals = async (p: Principal, query = "") => {
  const res = await client(p).get<List>(`/api/v1/records/opportunity?limit=200&${query}`);
  expect(res.status).toBe(200);
  return dealsIn(res.body.records);
};
const readStatus = (p: Principal, deal: Deal) => (MATRIX[p].read.includes(deal) ? 200 : 404);
const writeStatus = (p: Principal, deal: Deal, mode: "edit" | "delete", allowed: number) =>
  MATRIX[p][mode].includes(deal) ? allowed : MATRIX[p].read.includes(deal) ? 403 : 404;
const snapshot = async (deal: Deal) => (await org.as.admin.get<Json>(url(deal))).body;

beforeAll(async () => {
  org = await buildSalesOrg();
}, 120_000);

afterAll(async () => {
  await org?.t.close();
});

describe.each(PRINCIPALS)("%s", (p) => {
  it("lists exactly the deals they may see", async () => {
    expect(await listDeals(p)).toEqual([...MATRIX[p].read].sort());
  });

  it("counts exactly the deals they may see", async () => {
    const res = await client(p).get<List>("/api/v1/records/opportunity?count=true&limit=1");
    expect(res.body.total).toBe(MATRIX[p].read.length);
  });

  it("gets a deal only when they may see it (200 or 404)", async () => {
    for (const deal of DEALS)
      expect([deal, (await client(p).get(url(deal))).status]).toEqual([deal, readStatus(p, deal)]);
  });

  it("reads a deal's history only when they may see it (200 or 404)", async () => {
    for (const deal of DEALS) {
      const res = await client(p).get<{ entries: Json[] }>(url(deal, "/history"));
      expect([deal, res.status]).toEqual([deal, readStatus(p, deal)]);
      if (res.status === 200) expect(res.body.entries.map((e) => e.field)).toContain("_created");
    }
  });

  it("finds by search (q) only the deals they may see", async () => {
    expect(await listDeals(p, "q=matrix")).toEqual([...MATRIX[p].read].sort());
    expect(await listDeals(p, "q=Matrix%20bravo")).toEqual(MATRIX[p].read.includes("bravo") ? ["bravo"] : []);
  });

  it("filters on a field within the deals they may see", async () => {
    const won = await listDeals(p, filterQuery({ "==": [{ var: "stage" }, "closedWon"] }));
    expect(won).toEqual(MATRIX[p].read.filter((d) => d === "bravo"));
    const byId = await listDeals(p, filterQuery({ in: [{ var: "id" }, Object.values(org.deal)] }));
    expect(byId).toEqual([...MATRIX[p].read].sort());
  });

  it("sees an account's display name only when the account is visible to them", async () => {
    for (const deal of MATRIX[p].read) {
      const account = (await client(p).get<Json>(url(deal))).body.account as Json;
      const expected = MATRIX[p].accountNames.includes(deal)
        ? { id: org.accountOf[deal], name: `Account of ${deal}` }
        : { id: org.accountOf[deal] };
      expect([deal, account]).toEqual([deal, expected]);
    }
  });

  it("changes a deal only when they may (200, 403 or 404), and a refusal changes nothing", async () => {
    for (const deal of DEALS) {
      const before = await snapshot(deal);
      const res = await client(p).patch<Json>(url(deal), { nextStep: `by ${p}` }, Number(before.version));
      expect([deal, res.status]).toEqual([deal, writeStatus(p, deal, "edit", 200)]);
      const after = await snapshot(deal);
      if (res.status === 200)
        expect(after).toMatchObject({ nextStep: `by ${p}`, version: Number(before.version) + 1 });
      else expect(after).toEqual(before);
    }
  });

  it("is allowed or refused a delete (409 on a stale version proves it was allowed; 403; 404)", async () => {
    for (const deal of DEALS) {
      const before = await snapshot(deal);
      const res = await client(p).delete(url(deal), 0);
      expect([deal, res.status]).toEqual([deal, writeStatus(p, deal, "delete", 409)]);
      expect(await snapshot(deal)).toEqual(before);
    }
  });
});

describe("deleting for real", () => {
  const disposable = async () =>
    create(org.as.rep1, "opportunity", {
      name: "Disposable",
      account: org.accountOf.alpha,
      stage: "closedWon",
      closeDate: "2027-01-01",
      amount: 500,
    });
  const exists = async (id: string) =>
    (await org.as.admin.get(`/api/v1/records/opportunity/${id}`)).status === 200;

  it.each(["rep1", "manager", "ceo", "admin"] as const)(
    "%s deletes rep1's record (204) and it is gone",
    async (p) => {
      const id = await disposable();
      expect((await client(p).delete(`/api/v1/records/opportunity/${id}`)).status).toBe(204);
      expect(await exists(id)).toBe(false);
    },
  );

  it.each([
    ["rep2", 403],
    ["support1", 403],
    ["auditor", 403],
    ["outsider", 404],
    ["partner", 404],
    ["otherAdmin", 404],
  ] as const)("%s is refused (%i) and the record stays", async (p, status) => {
    const id = await disposable();
    expect((await client(p).delete(`/api/v1/records/opportunity/${id}`)).status).toBe(status);
    expect(await exists(id)).toBe(true);
  });
});

describe("sharing changes take effect at the next request", () => {
  it("removing a manual share hides the record again", async () => {
    const shares = await org.as.rep2.get<{ shares: Json[] }>(url("charlie", "/shares"));
    const share = shares.body.shares.find(
      (s) => (s.sharedWithUser as Json | undefined)?.id === org.userId.partner,
    );
    expect(share).toBeDefined();
    expect((await org.as.partner.get(url("charlie"))).status).toBe(200);
    expect((await org.as.rep2.delete(url("charlie", `/shares/${share?.id}`))).status).toBe(204);
    expect((await org.as.partner.get(url("charlie"))).status).toBe(404);
    expect((await org.as.rep2.post(url("charlie", "/shares"), { user: org.userId.partner })).status).toBe(
      201,
    );
    expect((await org.as.partner.get(url("charlie"))).status).toBe(200);
  });

  it("a new version of a deal that leaves a rule's criteria leaves its audience", async () => {
    const id = await create(org.as.rep1, "opportunity", {
      name: "Won then reopened",
      account: org.accountOf.alpha,
      stage: "closedWon",
      closeDate: "2027-01-01",
      amount: 500,
    });
    expect((await org.as.rep2.get(`/api/v1/records/opportunity/${id}`)).status).toBe(200);
    const reopened = await org.as.rep1.patch(
      `/api/v1/records/opportunity/${id}`,
      { stage: "negotiation" },
      1,
    );
    expect(reopened.status).toBe(200);
    expect((await org.as.rep2.get(`/api/v1/records/opportunity/${id}`)).status).toBe(404);
    expect(await versionOf(org.as.admin, "opportunity", id)).toBe(2);
  });
});
