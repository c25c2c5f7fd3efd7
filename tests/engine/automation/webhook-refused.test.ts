import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AutomationServer,
  automation,
  automationLog,
  createRecord,
  eventually,
  type LogEntry,
  pendingJobs,
  startAutomationServer,
} from "./automation-fixture.js";
import { type ScriptedReceiver, startScriptedReceiver } from "./scripted-receiver.js";

let s: AutomationServer;
let receiver: ScriptedReceiver;

/** One webhook per lead source, so each test picks its target by the lead it creates. */
const hookFor = (name: string, source: string, url: string) =>
  automation(name, "lead", { type: "create" }, [{ type: "webhook", url }], {
    condition: { "==": [{ var: "source" }, source] },
  });

beforeAll(async () => {
  receiver = await startScriptedReceiver();
  s = await startAutomationServer([
    hookFor("hookLocal", "web", receiver.url("/local")),
    hookFor("hookPrivateHttp", "event", "http://10.0.0.1/hook"),
    hookFor("hookPrivateHttps", "partner", "https://10.0.0.1/hook"),
    hookFor("hookLoopbackHttps", "referral", `https://127.0.0.1:${receiver.port}/tls`),
  ]);
}, 60_000);
afterAll(async () => {
  await s?.close();
  await receiver?.close();
});

/** Creates a lead from `source` and waits for the outcome of its webhook. */
const webhookOutcome = async (source: string): Promise<LogEntry[]> => {
  const lead = await createRecord(s.admin, "lead", {
    lastName: "Ma",
    company: `From ${source}`,
    status: "new",
    source,
  });
  const log = await eventually(
    () => automationLog(s.admin, String(lead.id)),
    (entries) => entries.some((e) => e.kind === "webhook" && e.status !== "retry"),
  );
  return log.filter((e) => e.kind === "webhook");
};

describe("a webhook to an address that is not allow-listed", () => {
  it("refuses plain http to the local receiver before allow-listing, without connecting", async () => {
    const entries = await webhookOutcome("web");
    expect(entries).toEqual([
      expect.objectContaining({
        status: "failed",
        name: "hookLocal",
        message: expect.stringContaining("http is allowed only for hosts on the webhook allow-list"),
      }),
    ]);
    expect(receiver.connections()).toBe(0);
  });

  it("refuses http to a private-network address once, without retrying", async () => {
    const entries = await webhookOutcome("event");
    expect(entries).toEqual([
      expect.objectContaining({
        status: "failed",
        name: "hookPrivateHttp",
        message: expect.stringContaining('The webhook URL for "10.0.0.1" must use https'),
      }),
    ]);
    expect(await pendingJobs(s.admin, "webhook")).toEqual([]);
  });

  it("refuses https to a private-network address and names the reason", async () => {
    const entries = await webhookOutcome("partner");
    expect(entries).toEqual([
      expect.objectContaining({
        status: "failed",
        message: expect.stringContaining("is a private-network address, which webhooks may not reach"),
      }),
    ]);
  });

  it("refuses https to a loopback address, without connecting", async () => {
    const entries = await webhookOutcome("referral");
    expect(entries).toEqual([
      expect.objectContaining({ status: "failed", message: expect.stringContaining("a loopback address") }),
    ]);
    expect(receiver.connections()).toBe(0);
  });

  it("delivers to the same receiver once an administrator allow-lists 127.0.0.1", async () => {
    const put = await s.admin.put("/api/v1/automation/settings", { webhookAllowlist: ["127.0.0.1"] });
    expect(put.status).toBe(200);
    const entries = await webhookOutcome("web");
    expect(entries).toEqual([expect.objectContaining({ status: "ok", name: "hookLocal" })]);
    expect(receiver.to("/local")).toHaveLength(1);
    // The private-network address stays refused: only the listed address was opened.
    expect(await webhookOutcome("event")).toEqual([expect.objectContaining({ status: "failed" })]);
  });
});
