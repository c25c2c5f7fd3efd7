import { type MetadataDocument, type Profile, standardObject, type Template } from "@tessera/metadata";
import { expect } from "vitest";
import type { RecordContext } from "../../../engine/src/records/record-context.js";
import { MetadataCache } from "../../../engine/src/registry/metadata-cache.js";
import { userContext } from "../../../engine/src/security/user-context.js";
import type { StoredRecord, TenantStore } from "../../../engine/src/store/store-port.js";
import {
  type CompiledTemplateDocument,
  compileTemplateDocuments,
} from "../../../engine/src/templates/index.js";
import { apiClient } from "../support/api-client.js";
import type { TestServer } from "../support/test-server.js";

export const LIN_PASSWORD = "lin-password-0123456789";

const allFieldsOf = (object: string, except: readonly string[] = []) =>
  Object.fromEntries(
    (standardObject(object)?.fields ?? [])
      .filter((f) => !except.includes(f.name))
      .map((f) => [f.name, { read: true, edit: true }]),
  );

/**
 * A sales profile that may work with accounts and opportunities but not see an opportunity's
 * amount nor an account's annual revenue, nor leads at all; it reads users' names.
 */
export const limitedSales: Profile = {
  kind: "profile",
  name: "limitedSales",
  label: { en: "Limited sales" },
  objects: {
    account: { create: true, read: true, edit: true, delete: true },
    opportunity: { create: true, read: true, edit: true, delete: true },
    user: { read: true },
  },
  fields: {
    account: allFieldsOf("account", ["annualRevenue"]),
    opportunity: allFieldsOf("opportunity", ["amount"]),
    user: { name: { read: true }, username: { read: true } },
  },
  system: { apiEnabled: true },
};

export interface TemplateWorld {
  store: TenantStore;
  /** The admin, in English and Asia/Shanghai (the default time zone). */
  admin: RecordContext;
  /** A limitedSales user, in zh-CN and Europe/Berlin. */
  lin: RecordContext;
  linId: string;
  /** Owned by lin; its account is the admin's, which lin may not see. */
  hiddenLookupDeal: StoredRecord;
  /** Owned by lin, with lin's own account (whose annual revenue lin may not see). */
  visibleLookupDeal: StoredRecord;
  hiddenAccountId: string;
  lead: StoredRecord;
}

type Created = { id: string; version: number };

/** Publishes the profile, creates lin and the records the tests render, and opens reader contexts. */
export const buildTemplateWorld = async (t: TestServer): Promise<TemplateWorld> => {
  expect((await t.admin.put("/api/v1/metadata/draft/profile/limitedSales", limitedSales)).status).toBe(200);
  expect((await t.admin.post("/api/v1/metadata/publish", {})).status).toBe(200);
  const linUser = await t.admin.post<Created>("/api/v1/users", {
    username: "lin",
    name: "Lin Xiaoming",
    email: "lin@example.com",
    profile: "limitedSales",
    locale: "zh-CN",
    timeZone: "Europe/Berlin",
    password: LIN_PASSWORD,
  });
  expect(linUser.status).toBe(201);
  const linId = linUser.body.id;

  const hiddenAccount = await t.admin.post<Created>("/api/v1/records/account", {
    name: "Hidden Account Ltd",
  });
  const deal = await t.admin.post<Created>("/api/v1/records/opportunity", {
    name: "Deal <script>alert(1)</script>",
    account: hiddenAccount.body.id,
    stage: "proposal",
    amount: 1234.5,
    probability: 60,
    closeDate: "2027-02-15",
    description: "Line one\r\nBcc: attacker@example.com\nLine three",
  });
  expect(deal.status).toBe(201);
  const transferred = await t.admin.post(`/api/v1/records/opportunity/${deal.body.id}/owner`, {
    ownerId: linId,
  });
  expect(transferred.status).toBe(200);

  const linClient = apiClient(t.server.url);
  expect((await linClient.login("demo", "lin", LIN_PASSWORD)).status).toBe(200);
  const ownAccount = await linClient.post<Created>("/api/v1/records/account", {
    name: "Lin Visible Co",
    industry: "technology",
  });
  expect(ownAccount.status).toBe(201);
  const revenue = await t.admin.patch(
    `/api/v1/records/account/${ownAccount.body.id}`,
    { annualRevenue: 5000000 },
    ownAccount.body.version,
  );
  expect(revenue.status).toBe(200);
  const visibleDeal = await linClient.post<Created>("/api/v1/records/opportunity", {
    name: "Visible deal",
    account: ownAccount.body.id,
    stage: "negotiation",
    closeDate: "2027-03-01",
  });
  expect(visibleDeal.status).toBe(201);
  const lead = await t.admin.post<Created>("/api/v1/records/lead", {
    lastName: "Secret",
    company: "Secret Lead Co",
  });
  expect(lead.status).toBe(201);

  const store = await t.server.store.tenant("demo");
  const metadata = await new MetadataCache().current(store);
  if (metadata === undefined) throw new Error("no published metadata");
  const adminUser = await store.findRecords("user", {
    filter: { op: "compare", field: "username", operator: "==", value: "admin" },
    sort: [],
    limit: 1,
  });
  const admin = await userContext(store, metadata, String(adminUser.records[0]?.id));
  const lin = await userContext(store, metadata, linId);
  if (admin === undefined || lin === undefined) throw new Error("no reader context");
  const stored = async (object: string, id: string) => {
    const record = await store.getRecord(object, id);
    if (record === undefined) throw new Error(`no ${object} ${id}`);
    return record;
  };
  return {
    store,
    admin,
    lin,
    linId,
    hiddenLookupDeal: await stored("opportunity", deal.body.id),
    visibleLookupDeal: await stored("opportunity", visibleDeal.body.id),
    hiddenAccountId: hiddenAccount.body.id,
    lead: await stored("lead", lead.body.id),
  };
};

/** A template document for tests: `body` in English (and zh-CN when given). */
export const aTemplate = (
  name: string,
  purpose: Template["purpose"],
  body: Template["body"],
  more: Partial<Pick<Template, "subject" | "object">> = {},
): Template => ({ kind: "template", name, label: { en: name }, purpose, body, ...more });

/** Compiles one template document, failing the test when it does not compile. */
export const compiled = (doc: MetadataDocument): CompiledTemplateDocument => {
  const template = compileTemplateDocuments([doc]).get(doc.name);
  if (template === undefined) throw new Error(`template ${doc.name} did not compile`);
  return template;
};
