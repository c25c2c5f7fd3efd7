import { standardObject } from "@tessera/metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhookSignature } from "../../../engine/src/webhooks/index.js";
import { createUser } from "../../security/support/org-admin.js";
import { profile } from "../../security/support/security-documents.js";
import type { ApiClient } from "../support/api-client.js";
import { expectProblem } from "../support/problem-assertions.js";
import {
  type AutomationServer,
  automation,
  automationLog,
  createRecord,
  eventually,
  type Json,
  startAutomationServer,
} from "./automation-fixture.js";
import { header, type ScriptedReceiver, startScriptedReceiver } from "./scripted-receiver.js";

let s: AutomationServer;
let receiver: ScriptedReceiver;
let secret: string;
let hookbot: ApiClient;

const everyFieldBut = (object: string, hidden: string) =>
  Object.fromEntries(
    (standardObject(object)?.fields ?? [])
      .filter((f) => f.name !== hidden)
      .map((f) => [f.name, { read: true, edit: true }]),
  );

/**
 * The webhook's run-as user may read every opportunity and lead but not an opportunity's amount nor
 * a lead's annual revenue, and only the cases shared with them.
 */
const integrationProfile = profile("integration", {
  objects: {
    opportunity: { read: true, viewAll: true },
    account: { read: true, viewAll: true },
    lead: { read: true, viewAll: true },
    case: { read: true },
  },
  fields: {
    opportunity: everyFieldBut("opportunity", "amount"),
    lead: everyFieldBut("lead", "annualRevenue"),
    case: everyFieldBut("case", "resolution"),
  },
  system: { apiEnabled: true },
});

beforeAll(async () => {
  receiver = await startScriptedReceiver();
  s = await startAutomationServer([
    integrationProfile,
    automation(
      "dealHook",
      "opportunity",
      { type: "create" },
      [{ type: "webhook", url: receiver.url("/deals") }],
      {
        runAs: "hookbot",
      },
    ),
    automation("caseHook", "case", { type: "create" }, [{ type: "webhook", url: receiver.url("/cases") }], {
      runAs: "hookbot",
    }),
    automation("leadHook", "lead", { type: "create" }, [{ type: "webhook", url: receiver.url("/leads") }], {
      runAs: "hookbot",
    }),
  ]);
  hookbot = (await createUser(s.admin, "demo", { username: "hookbot", profile: "integration" })).client;
  const settings = await s.admin.put<Json>("/api/v1/automation/settings", {
    webhookAllowlist: ["127.0.0.1"],
  });
  expect(settings.status, JSON.stringify(settings.body)).toBe(200);
  expect(settings.body).toEqual({ webhookAllowlist: ["127.0.0.1"] });
  const read = await s.admin.get<{ secret: string }>("/api/v1/automation/webhook-secret");
  expect(read.status).toBe(200);
  expect(read.headers.get("cache-control")).toBe("no-store");
  secret = read.body.secret;
}, 60_000);
afterAll(async () => {
  await s?.close();
  await receiver?.close();
});

const newDeal = async (name: string) => {
  const account = await createRecord(s.admin, "account", { name: `${name} account` });
  return createRecord(s.admin, "opportunity", {
    name,
    account: account.id,
    stage: "proposal",
    amount: 250_000,
    closeDate: "2027-05-01",
  });
};

describe("a webhook to an allow-listed receiver", () => {
  it("posts a signed event whose record hides what the run-as user may not read", async () => {
    const deal = await newDeal("Wind farm");
    const [request] = await eventually(
      async () => receiver.to("/deals").filter((r) => r.body.includes(String(deal.id))),
      (found) => found.length > 0,
    );
    expect(request?.method).toBe("POST");
    if (request === undefined) return;
    expect(verifyWebhookSignature(secret, header(request, "tessera-signature"), request.body)).toBe(true);
    expect(verifyWebhookSignature("whsec_other", header(request, "tessera-signature"), request.body)).toBe(
      false,
    );
    const event = JSON.parse(request.body) as Json;
    expect(header(request, "tessera-event-id")).toBe(event.id);
    expect(event).toMatchObject({
      type: "automation.create",
      tenant: "demo",
      object: "opportunity",
      source: { kind: "automation", name: "dealHook" },
      record: { id: deal.id, name: "Wind farm", stage: "proposal", closeDate: "2027-05-01" },
    });
    expect(event.record).not.toHaveProperty("amount");
    const log = await eventually(
      () => automationLog(s.admin, String(deal.id)),
      (entries) => entries.some((e) => e.kind === "webhook"),
    );
    expect(log.filter((e) => e.kind === "webhook")).toEqual([
      expect.objectContaining({
        status: "ok",
        name: "dealHook",
        details: expect.objectContaining({ status: 200 }),
      }),
    ]);
  });

  it("sends only the id of a record the run-as user may not see", async () => {
    const created = await createRecord(s.admin, "case", {
      subject: "Private matter",
      status: "new",
      priority: "low",
    });
    expectProblem(await hookbot.get(`/api/v1/records/case/${created.id}`), 404);
    const [request] = await eventually(
      async () => receiver.to("/cases").filter((r) => r.body.includes(String(created.id))),
      (found) => found.length > 0,
    );
    expect(JSON.parse(request?.body ?? "{}")).toMatchObject({ object: "case", record: { id: created.id } });
    expect((JSON.parse(request?.body ?? "{}") as { record: Json }).record).toEqual({ id: created.id });
    expect(request?.body).not.toContain("Private matter");
  });

  it("retries a receiver that answers 500 twice, with the same event id, and logs retry, retry, ok", async () => {
    receiver.script("/leads", [500, 500]);
    const lead = await createRecord(s.admin, "lead", {
      lastName: "Sun",
      company: "Sun Solar",
      status: "new",
      annualRevenue: 9_000_000,
    });
    const log = await eventually(
      () => automationLog(s.admin, String(lead.id)),
      (entries) => entries.some((e) => e.kind === "webhook" && e.status === "ok"),
    );
    expect(log.filter((e) => e.kind === "webhook").map((e) => e.status)).toEqual(["retry", "retry", "ok"]);
    const requests = receiver.to("/leads").filter((r) => r.body.includes(String(lead.id)));
    expect(requests).toHaveLength(3);
    const ids = new Set(requests.map((r) => header(r, "tessera-event-id")));
    expect(ids.size).toBe(1);
    for (const request of requests) {
      expect(verifyWebhookSignature(secret, header(request, "tessera-signature"), request.body)).toBe(true);
      expect(JSON.parse(request.body)).toMatchObject({ id: [...ids][0], record: { company: "Sun Solar" } });
      expect((JSON.parse(request.body) as { record: Json }).record).not.toHaveProperty("annualRevenue");
    }
    expect(await s.admin.get<{ jobs: Json[] }>("/api/v1/automation/jobs?kind=webhook")).toMatchObject({
      body: { jobs: [] },
    });
  });

  it("signs with the new secret once it is rotated", async () => {
    const rotated = await s.admin.post<{ secret: string }>("/api/v1/automation/webhook-secret");
    expect(rotated.status).toBe(201);
    expect(rotated.body.secret).not.toBe(secret);
    const deal = await newDeal("Tidal plant");
    const [request] = await eventually(
      async () => receiver.to("/deals").filter((r) => r.body.includes(String(deal.id))),
      (found) => found.length > 0,
    );
    const signature = request === undefined ? undefined : header(request, "tessera-signature");
    expect(verifyWebhookSignature(rotated.body.secret, signature, request?.body ?? "")).toBe(true);
    expect(verifyWebhookSignature(secret, signature, request?.body ?? "")).toBe(false);
  });
});
