import { expect } from "vitest";
import { publish } from "../../security/support/org-admin.js";
import type { ApiClient } from "../support/api-client.js";
import {
  automation,
  createRecord,
  eventually,
  pause,
  pendingJobs,
  userIdNamed,
} from "./automation-fixture.js";
import type { ScriptedReceiver } from "./scripted-receiver.js";

export const DURABLE_PATH = "/durable";

/** Publishes a webhook scheduled at a task's reminder time, and allow-lists the local receiver. */
export const setUpScheduledWebhook = async (admin: ApiClient, receiver: ScriptedReceiver): Promise<void> => {
  await publish(admin, [
    automation(
      "remindByWebhook",
      "task",
      { type: "scheduled", field: "reminderAt", offset: { amount: 0, unit: "minutes" }, direction: "after" },
      [{ type: "webhook", url: receiver.url(DURABLE_PATH) }],
    ),
  ]);
  const settings = await admin.put("/api/v1/automation/settings", { webhookAllowlist: ["127.0.0.1"] });
  expect(settings.status).toBe(200);
};

/** Creates a task whose webhook is due `dueInMs` from now; checks the timer is pending. Returns the due time. */
export const scheduleWebhook = async (
  admin: ApiClient,
  dueInMs: number,
): Promise<{ id: string; dueAt: number }> => {
  const assignedTo = await userIdNamed(admin, "admin");
  const dueAt = Date.now() + dueInMs;
  const task = await createRecord(admin, "task", {
    subject: "Durable reminder",
    status: "notStarted",
    priority: "normal",
    assignedTo,
    reminderAt: new Date(dueAt).toISOString(),
  });
  const timers = (await pendingJobs(admin, "timer")).filter((j) => j.payload.recordId === task.id);
  expect(timers.map((j) => Date.parse(j.dueAt))).toEqual([dueAt]);
  return { id: String(task.id), dueAt };
};

/** Waits until the time is past `dueAt` (plus a margin) while no server runs: nothing may arrive. */
export const waitPastDue = async (receiver: ScriptedReceiver, dueAt: number): Promise<void> => {
  await pause(Math.max(dueAt - Date.now(), 0) + 300);
  expect(receiver.to(DURABLE_PATH)).toEqual([]);
};

/** After a restart: the webhook arrives, exactly once, even a while later; the log says ok once. */
export const expectDeliveredOnce = async (
  admin: ApiClient,
  receiver: ScriptedReceiver,
  taskId: string,
): Promise<void> => {
  const arrived = await eventually(
    async () => receiver.to(DURABLE_PATH),
    (requests) => requests.length > 0,
    8000,
  );
  expect(arrived).toHaveLength(1);
  expect(JSON.parse(arrived[0]?.body ?? "{}")).toMatchObject({ record: { id: taskId } });
  // Long enough for a duplicate (a second worker pass, a retry) to show up if there were one.
  await pause(1500);
  expect(receiver.to(DURABLE_PATH)).toHaveLength(1);
  const log = await admin.get<{ entries: Array<{ kind: string; recordId?: string; status: string }> }>(
    "/api/v1/automation/log?kind=webhook",
  );
  expect(log.body.entries.filter((e) => e.recordId === taskId).map((e) => e.status)).toEqual(["ok"]);
  expect(await pendingJobs(admin)).toEqual([]);
};
