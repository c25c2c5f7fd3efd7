import type { ApprovalProcess, ApprovalStep, Approver, MetadataDocument, Template } from "@tessera/metadata";
import { expect } from "vitest";
import { createUser, publish } from "../../security/support/org-admin.js";
import { role } from "../../security/support/security-documents.js";
import type { ApiClient } from "../support/api-client.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { startReceiver, type WebhookReceiver } from "../webhooks/webhook-receiver.js";

type Json = Record<string, unknown>;

/**
 * The discount scenario of our users: a quote above 10% discount needs the sales manager (the
 * submitter's manager); above 25% also a sales director; finance is told when it is approved.
 */
export const discountProcess = (overrides: Partial<ApprovalProcess> = {}): ApprovalProcess => ({
  kind: "approvalProcess",
  name: "quoteDiscount",
  object: "quote",
  label: { en: "Quote discount", "zh-CN": "报价折扣审批" },
  active: true,
  priority: 1,
  entryCriteria: { ">": [{ var: "discount" }, 10] },
  lockRecord: true,
  allowRecall: true,
  steps: [
    {
      name: "manager",
      label: { en: "Sales manager", "zh-CN": "销售经理" },
      approvers: [{ type: "submitterManager" }],
      decision: "firstResponse",
      onReject: "final",
    },
    {
      name: "director",
      label: { en: "Sales director", "zh-CN": "销售总监" },
      entryCriteria: { ">": [{ var: "discount" }, 25] },
      approvers: [{ type: "role", role: "salesDirector" }],
      decision: "firstResponse",
      onReject: "previousStep",
    },
  ],
  actions: {
    onSubmit: [{ type: "fieldUpdate", field: "status", value: "inReview" }],
    onFinalApprove: [
      { type: "fieldUpdate", field: "status", value: "approved" },
      {
        type: "notify",
        template: "quoteApproved",
        to: [{ type: "role", role: "finance" }, { type: "submitter" }],
      },
    ],
    onFinalReject: [{ type: "fieldUpdate", field: "status", value: "rejected" }],
    onRecall: [{ type: "fieldUpdate", field: "status", value: "draft" }],
  },
  ...overrides,
});

export const quoteApprovedTemplate: Template = {
  kind: "template",
  name: "quoteApproved",
  label: { en: "Quote approved", "zh-CN": "报价已批准" },
  object: "quote",
  purpose: "notification",
  subject: { en: "Quote {{record.name}} approved", "zh-CN": "报价 {{record.name}} 已批准" },
  body: { en: "Discount {{display.discount}} approved.", "zh-CN": "折扣 {{display.discount}} 已批准。" },
};

export interface DiscountOrg {
  t: TestServer;
  admin: ApiClient;
  rep: { id: string; client: ApiClient };
  manager: { id: string; client: ApiClient };
  director: { id: string; client: ApiClient };
  director2: { id: string; client: ApiClient };
  finance: { id: string; client: ApiClient };
  outsider: { id: string; client: ApiClient };
  receiver: WebhookReceiver;
  close(): Promise<void>;
}

/** Starts a real server, publishes roles, the process and its template, and creates the users. */
export const buildDiscountOrg = async (
  extra: readonly MetadataDocument[] = [],
  process = discountProcess(),
  server: Parameters<typeof startTestServer>[0] = {},
): Promise<DiscountOrg> => {
  const t = await startTestServer(server);
  const receiver = await startReceiver((_request, response) => {
    response.writeHead(200).end("ok");
  });
  const admin = t.admin;
  await publish(admin, [
    role("salesDirector"),
    role("salesManager", "salesDirector"),
    role("salesRep", "salesManager"),
    role("finance"),
    quoteApprovedTemplate,
    ...extra,
    process,
  ]);
  const settings = await admin.put("/api/v1/automation/settings", { webhookAllowlist: ["127.0.0.1"] });
  expect(settings.status, JSON.stringify(settings.body)).toBe(200);
  const manager = await createUser(admin, "demo", { username: "mgr", role: "salesManager" });
  const director = await createUser(admin, "demo", { username: "dir", role: "salesDirector" });
  const director2 = await createUser(admin, "demo", { username: "dir2", role: "salesDirector" });
  const finance = await createUser(admin, "demo", { username: "fin", role: "finance" });
  const outsider = await createUser(admin, "demo", { username: "outsider", role: "salesRep" });
  const rep = await createUser(admin, "demo", { username: "rep", role: "salesRep" });
  const user = await admin.get<Json>(`/api/v1/records/user/${rep.id}`);
  const linked = await admin.patch(
    `/api/v1/records/user/${rep.id}`,
    { manager: manager.id },
    Number(user.body.version),
  );
  expect(linked.status, JSON.stringify(linked.body)).toBe(200);
  return {
    t,
    admin,
    rep,
    manager,
    director,
    director2,
    finance,
    outsider,
    receiver,
    async close() {
      await receiver.close();
      await t.close();
    },
  };
};

/** Creates a quote as `client` with `discount` percent and returns its id. */
export const newQuote = async (
  client: ApiClient,
  discount: number,
  name = `Q ${discount}%`,
): Promise<string> => {
  const created = await client.post<Json>("/api/v1/records/quote", { name, discount, status: "draft" });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return String(created.body.id);
};

export const approval = (client: ApiClient, id: string, command: string, body: unknown = {}) =>
  client.post<Json>(`/api/v1/records/quote/${id}/approval/${command}`, body);

/** Polls until `check` passes (jobs run in the background worker) or the time is up. */
export const eventually = async <T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  ms = 5000,
): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** A step of a test process: `step("review", [{type: "role", role: "finance"}], "unanimous")`. */
export const step = (
  name: string,
  approvers: Approver[],
  decision: ApprovalStep["decision"] = "firstResponse",
  extra: Partial<ApprovalStep> = {},
): ApprovalStep => ({ name, label: { en: name }, approvers, decision, onReject: "final", ...extra });

/** An active process on quote accepting every quote, without actions, unless `overrides` say so. */
export const simpleProcess = (
  name: string,
  steps: ApprovalStep[],
  overrides: Partial<ApprovalProcess> = {},
): ApprovalProcess => ({
  kind: "approvalProcess",
  name,
  object: "quote",
  label: { en: name },
  active: true,
  priority: 1,
  lockRecord: true,
  allowRecall: true,
  steps,
  ...overrides,
});

/** POSTs an approval command on a record of any object. */
export const approvalOn = (
  client: ApiClient,
  object: string,
  id: string,
  command: string,
  body: unknown = {},
) => client.post<Json>(`/api/v1/records/${object}/${id}/approval/${command}`, body);

/** GET .../approval of a record as `client`. */
export const approvalView = (client: ApiClient, id: string, object = "quote") =>
  client.get<Json>(`/api/v1/records/${object}/${id}/approval`);

/** The record ids in `client`'s approvals inbox. */
export const inboxIds = async (client: ApiClient): Promise<string[]> => {
  const inbox = await client.get<{ items: Json[] }>("/api/v1/approvals/inbox");
  expect(inbox.status, JSON.stringify(inbox.body)).toBe(200);
  return inbox.body.items.map((item) => String(item.recordId));
};

/** A record read back as the admin (who sees everything). */
export const readBack = async (admin: ApiClient, id: string, object = "quote"): Promise<Json> => {
  const got = await admin.get<Json>(`/api/v1/records/${object}/${id}`);
  expect(got.status, JSON.stringify(got.body)).toBe(200);
  return got.body;
};
