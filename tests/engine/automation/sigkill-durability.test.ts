import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "../support/api-client.js";
import { type CliServer, startCliServer } from "../support/cli-process.js";
import {
  expectDeliveredOnce,
  scheduleWebhook,
  setUpScheduledWebhook,
  waitPastDue,
} from "./durable-webhook.js";
import { type ScriptedReceiver, startScriptedReceiver } from "./scripted-receiver.js";

const PASSWORD = "automation-sigkill-password";
/** The CLI server's job worker as fast as the in-process test servers'. */
const FAST_JOBS = {
  TESSERA_ADMIN_PASSWORD: PASSWORD,
  TESSERA_JOB_POLL_MS: "50",
  TESSERA_JOB_RETRY_BASE_MS: "100",
};

let dataDir: string;
let receiver: ScriptedReceiver;
let server: CliServer | undefined;

const signIn = async (url: string): Promise<ApiClient> => {
  const client = apiClient(url);
  expect((await client.login("demo", "admin", PASSWORD)).status).toBe(200);
  return client;
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "tessera-automation-sigkill-"));
  receiver = await startScriptedReceiver();
});
afterAll(async () => {
  await server?.stop("SIGKILL");
  await receiver?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("a server process killed with SIGKILL while scheduled work is pending", () => {
  it("runs the work after the restart: the webhook arrives exactly once", async () => {
    server = await startCliServer(dataDir, FAST_JOBS);
    const first = await signIn(server.url);
    await setUpScheduledWebhook(first, receiver);
    const { id, dueAt } = await scheduleWebhook(first, 3000);
    expect(await server.stop("SIGKILL")).toBe("SIGKILL");
    await waitPastDue(receiver, dueAt);
    server = await startCliServer(dataDir, FAST_JOBS);
    await expectDeliveredOnce(await signIn(server.url), receiver, id);
    expect(await server.stop("SIGTERM")).toBe(0);
    server = undefined;
  }, 60_000);
});
