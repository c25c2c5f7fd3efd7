import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.js";
import {
  expectDeliveredOnce,
  scheduleWebhook,
  setUpScheduledWebhook,
  waitPastDue,
} from "./durable-webhook.js";
import { type ScriptedReceiver, startScriptedReceiver } from "./scripted-receiver.js";

let dataDir: string;
let receiver: ScriptedReceiver;
let server: TestServer | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "tessera-automation-restart-"));
  receiver = await startScriptedReceiver();
});
afterAll(async () => {
  await server?.close();
  await receiver?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("a server stopped while scheduled work is pending", () => {
  it("runs the work after the restart: the webhook arrives exactly once", async () => {
    server = await startTestServer({ dataDir });
    await setUpScheduledWebhook(server.admin, receiver);
    const { id, dueAt } = await scheduleWebhook(server.admin, 1500);
    await server.close();
    server = undefined;
    await waitPastDue(receiver, dueAt);
    server = await startTestServer({ dataDir });
    await expectDeliveredOnce(server.admin, receiver, id);
  }, 30_000);
});
