import { createTenant, MetadataCache } from "@tessera/engine";
import { expect } from "vitest";
import { type ApiClient, apiClient } from "../../engine/support/api-client.js";
import { startTestServer, type TestServer } from "../../engine/support/test-server.js";
import { create, createUser, filterQuery, PASSWORD, publish } from "./org-admin.js";
import { criteriaRule, ownerRule, permissionSet, role } from "./security-documents.js";

type Json = Record<string, unknown>;

export const PRINCIPALS = [
  "rep1",
  "rep2",
  "manager",
  "ceo",
  "support1",
  "outsider",
  "partner",
  "auditor",
  "admin",
  "otherAdmin",
] as const;
export type Principal = (typeof PRINCIPALS)[number];

export const DEALS = ["alpha", "bravo", "charlie", "delta"] as const;
export type Deal = (typeof DEALS)[number];

export const OTHER_TENANT = "acme";

export interface SalesOrg {
  t: TestServer;
  as: Record<Principal, ApiClient>;
  userId: Record<Exclude<Principal, "otherAdmin">, string>;
  /** Opportunity ids. */
  deal: Record<Deal, string>;
  /** The account each deal points to (owned by the deal's owner). */
  accountOf: Record<Deal, string>;
  emeaGroup: string;
}

/**
 * The org every security test reasons about (roles: ceo > salesManager > salesRep, ceo > support,
 * and an unrelated marketing role):
 * - rep1, rep2 (salesRep; rep2 in group "emea"), manager (salesManager), ceo (ceo), support1
 *   (support), outsider (marketing), partner (no role), auditor (no role, permission set with
 *   opportunity viewAll); all standardUser.
 * - Sharing rules on opportunity: records owned by salesRep are read-shared with role support;
 *   closedWon deals are edit-shared with group emea.
 * - Deals (opportunities, private; the sample ones are deleted): alpha (rep1, prospecting),
 *   bravo (rep1, closedWon), charlie (rep2, negotiation), delta (manager, proposal); each deal's
 *   account is owned by the deal's owner.
 * - Manual shares: alpha -> support1 (edit), charlie -> partner (read), delta -> group emea (read).
 * - A second tenant "acme" with its own admin and nothing else.
 */
export const buildSalesOrg = async (): Promise<SalesOrg> => {
  const t = await startTestServer();
  const admin = t.admin;
  await publish(admin, [
    role("ceo"),
    role("salesManager", "ceo"),
    role("salesRep", "salesManager"),
    role("support", "ceo"),
    role("marketing"),
    permissionSet("opportunityAuditor", { objects: { opportunity: { read: true, viewAll: true } } }),
    ownerRule("repDealsToSupport", "opportunity", "role:salesRep", "role:support", "read"),
    criteriaRule(
      "wonDealsToEmea",
      "opportunity",
      { "==": [{ var: "stage" }, "closedWon"] },
      "group:emea",
      "edit",
    ),
  ]);
  const samples = await admin.get<{ records: Json[] }>("/api/v1/records/opportunity?limit=200");
  for (const sample of samples.body.records)
    expect((await admin.delete(`/api/v1/records/opportunity/${sample.id}`)).status).toBe(204);
  const emeaGroup = await create(admin, "group", { name: "emea", label: "EMEA" });

  const user = (username: string, extra: { role?: string; permissionSets?: string[]; groups?: string[] }) =>
    createUser(admin, "demo", { username, ...extra });
  const rep1 = await user("rep1", { role: "salesRep" });
  const rep2 = await user("rep2", { role: "salesRep", groups: [emeaGroup] });
  const manager = await user("manager", { role: "salesManager" });
  const ceo = await user("ceo", { role: "ceo" });
  const support1 = await user("support1", { role: "support" });
  const outsider = await user("outsider", { role: "marketing" });
  const partner = await user("partner", {});
  const auditor = await user("auditor", { permissionSets: ["opportunityAuditor"] });
  const admins = await admin.get<{ records: Json[] }>(
    `/api/v1/records/user?${filterQuery({ "==": [{ var: "username" }, "admin"] })}`,
  );
  const adminId = String(admins.body.records[0]?.id);

  const deal = async (owner: ApiClient, name: string, stage: string) => {
    const account = await create(owner, "account", { name: `Account of ${name}` });
    const id = await create(owner, "opportunity", {
      name: `Matrix ${name}`,
      account,
      stage,
      closeDate: "2027-03-31",
      amount: 1000,
    });
    return { id, account };
  };
  const alpha = await deal(rep1.client, "alpha", "prospecting");
  const bravo = await deal(rep1.client, "bravo", "closedWon");
  const charlie = await deal(rep2.client, "charlie", "negotiation");
  const delta = await deal(manager.client, "delta", "proposal");

  const share = async (owner: ApiClient, id: string, body: Json) => {
    const shared = await owner.post(`/api/v1/records/opportunity/${id}/shares`, body);
    expect(shared.status, JSON.stringify(shared.body)).toBe(201);
  };
  await share(rep1.client, alpha.id, { user: support1.id, access: "edit" });
  await share(rep2.client, charlie.id, { user: partner.id, access: "read" });
  await share(manager.client, delta.id, { group: emeaGroup, access: "read" });

  await createTenant(t.server.store, new MetadataCache(), OTHER_TENANT, { adminPassword: PASSWORD });
  const otherAdmin = apiClient(t.server.url);
  expect((await otherAdmin.login(OTHER_TENANT, "admin", PASSWORD)).status).toBe(200);

  return {
    t,
    as: {
      rep1: rep1.client,
      rep2: rep2.client,
      manager: manager.client,
      ceo: ceo.client,
      support1: support1.client,
      outsider: outsider.client,
      partner: partner.client,
      auditor: auditor.client,
      admin,
      otherAdmin,
    },
    userId: {
      rep1: rep1.id,
      rep2: rep2.id,
      manager: manager.id,
      ceo: ceo.id,
      support1: support1.id,
      outsider: outsider.id,
      partner: partner.id,
      auditor: auditor.id,
      admin: adminId,
    },
    deal: { alpha: alpha.id, bravo: bravo.id, charlie: charlie.id, delta: delta.id },
    accountOf: { alpha: alpha.account, bravo: bravo.account, charlie: charlie.account, delta: delta.account },
    emeaGroup,
  };
};
