import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../security/support/org-admin.js";
import type { ApiClient } from "../support/api-client.js";
import {
  type AutomationServer,
  automation,
  automationLog,
  createRecord,
  eventually,
  type Json,
  notificationsOf,
  pendingJobs,
  readRecord,
  startAutomationServer,
  template,
  updateRecord,
} from "./automation-fixture.js";

let s: AutomationServer;
let rep: { id: string; client: ApiClient };

/** At the reminder time, an open task becomes high priority and its assignee is told. */
const taskReminder = automation(
  "taskReminder",
  "task",
  { type: "scheduled", field: "reminderAt", offset: { amount: 0, unit: "minutes" }, direction: "after" },
  [
    { type: "fieldUpdate", field: "priority", value: "high" },
    { type: "notify", template: "reminder", to: [{ type: "field", field: "assignedTo" }] },
  ],
  { condition: { "!=": [{ var: "status" }, "completed"] } },
);
const dueSoon = automation(
  "dueSoon",
  "task",
  { type: "scheduled", field: "dueDate", offset: { amount: 1, unit: "days" }, direction: "before" },
  [{ type: "fieldUpdate", field: "priority", value: "high" }],
);

beforeAll(async () => {
  s = await startAutomationServer([
    template("reminder", "notification", "task", "Reminder: {{record.subject}}", "Due now."),
    taskReminder,
    dueSoon,
  ]);
  rep = await createUser(s.admin, "demo", { username: "rep" });
}, 60_000);
afterAll(async () => s?.close());

const newTask = (body: Json) =>
  createRecord(rep.client, "task", {
    subject: "Call back",
    status: "notStarted",
    priority: "low",
    assignedTo: rep.id,
    ...body,
  });
const timersOf = async (id: string) =>
  (await pendingJobs(s.admin, "timer")).filter((j) => j.payload.recordId === id);
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

describe("an automation scheduled at a date/time field", () => {
  it("runs when the time comes: the field update is stored and the assignee is told", async () => {
    const reminderAt = inMs(1000);
    const task = await newTask({ subject: "Call Mr Wu", reminderAt });
    expect(task.priority).toBe("low");
    const [timer] = await timersOf(String(task.id));
    expect(Date.parse(String(timer?.dueAt))).toBe(Date.parse(reminderAt));
    const done = await eventually(
      () => readRecord(rep.client, "task", String(task.id)),
      (record) => record.priority === "high",
    );
    expect(done).toMatchObject({ priority: "high", version: 2, updatedBy: rep.id });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(reminderAt));
    const told = await eventually(
      async () => (await notificationsOf(rep.client)).filter((n) => n.recordId === task.id),
      (found) => found.length > 0,
    );
    expect(told).toEqual([expect.objectContaining({ title: "Reminder: Call Mr Wu", body: "Due now." })]);
    expect(await timersOf(String(task.id))).toEqual([]);
    const log = (await automationLog(s.admin, String(task.id))).filter((e) => e.name === "taskReminder");
    expect(log.map((e) => [e.kind, e.status, e.message])).toEqual([
      ["automation", "ok", "Ran when its time came."],
      ["notification", "ok", "1 notification(s), 0 e-mail(s)."],
    ]);
  });

  it("checks its condition when the time comes: a task completed meanwhile is skipped", async () => {
    const task = await newTask({ subject: "Send offer", reminderAt: inMs(1500) });
    await updateRecord(rep.client, "task", String(task.id), { status: "completed" });
    const log = await eventually(
      () => automationLog(s.admin, String(task.id)),
      (entries) => entries.some((e) => e.name === "taskReminder"),
    );
    expect(log.filter((e) => e.name === "taskReminder")).toEqual([
      expect.objectContaining({ status: "skipped", message: "The condition does not hold any more." }),
    ]);
    expect(await readRecord(rep.client, "task", String(task.id))).toMatchObject({
      priority: "low",
      version: 2,
    });
    expect((await notificationsOf(rep.client)).filter((n) => n.recordId === task.id)).toEqual([]);
  });

  it("lists a far timer with its due time, moves it with the date, and cancels it when cleared", async () => {
    const task = await newTask({ subject: "Renewal", dueDate: "2030-06-15" });
    expect(await timersOf(String(task.id))).toEqual([
      expect.objectContaining({
        kind: "timer",
        dueAt: "2030-06-14T00:00:00.000Z",
        payload: expect.objectContaining({ automation: "dueSoon", object: "task" }),
      }),
    ]);
    await updateRecord(rep.client, "task", String(task.id), { dueDate: "2030-07-01" });
    expect((await timersOf(String(task.id))).map((j) => j.dueAt)).toEqual(["2030-06-30T00:00:00.000Z"]);
    await updateRecord(rep.client, "task", String(task.id), { subject: "Renewal (big)" });
    expect((await timersOf(String(task.id))).map((j) => j.dueAt)).toEqual(["2030-06-30T00:00:00.000Z"]);
    await updateRecord(rep.client, "task", String(task.id), { dueDate: null });
    expect(await timersOf(String(task.id))).toEqual([]);
  });

  it("cancels the timer of a deleted record", async () => {
    const task = await newTask({ subject: "Cancelled deal", dueDate: "2031-01-10" });
    expect(await timersOf(String(task.id))).toHaveLength(1);
    const deleted = await rep.client.delete(`/api/v1/records/task/${String(task.id)}`);
    expect(deleted.status).toBe(204);
    expect(await timersOf(String(task.id))).toEqual([]);
  });

  it("sets no timer for a record without the date", async () => {
    const task = await newTask({ subject: "Someday" });
    expect(await timersOf(String(task.id))).toEqual([]);
  });
});
