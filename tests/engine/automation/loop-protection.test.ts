import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AutomationServer,
  automation,
  automationLog,
  createRecord,
  eventually,
  findRecords,
  pendingJobs,
  readRecord,
  startAutomationServer,
  updateRecord,
} from "./automation-fixture.js";

let s: AutomationServer;

/** Every new "Loop" lead creates another: a chain only the depth limit ends. */
const leadBreedsLead = automation(
  "leadBreedsLead",
  "lead",
  { type: "create" },
  [
    {
      type: "createRecord",
      object: "lead",
      values: {
        lastName: { expression: { cat: [{ var: "lastName" }, "+"] } },
        company: "Loop Ltd",
        status: "new",
      },
    },
  ],
  { condition: { "==": [{ var: "company" }, "Loop Ltd"] } },
);
/** Two scheduled automations, each moving the other's date to "now": they would ping-pong forever. */
const reminderMovesCompletion = automation(
  "reminderMovesCompletion",
  "task",
  { type: "scheduled", field: "reminderAt", offset: { amount: 0, unit: "minutes" }, direction: "after" },
  [{ type: "fieldUpdate", field: "completedAt", value: { expression: { var: "updatedAt" } } }],
);
const completionMovesReminder = automation(
  "completionMovesReminder",
  "task",
  { type: "scheduled", field: "completedAt", offset: { amount: 0, unit: "minutes" }, direction: "after" },
  [{ type: "fieldUpdate", field: "reminderAt", value: { expression: { var: "updatedAt" } } }],
);
/** In one write, two automations changing each other's trigger field each run once. */
const ratingSetsScore = automation("ratingSetsScore", "lead", { type: "fieldChange", field: "rating" }, [
  { type: "fieldUpdate", field: "score", value: { expression: { "+": [{ var: "score" }, 1] } } },
]);
const scoreSetsRating = automation("scoreSetsRating", "lead", { type: "fieldChange", field: "score" }, [
  {
    type: "fieldUpdate",
    field: "rating",
    value: { expression: { if: [{ "==": [{ var: "rating" }, "hot"] }, "cold", "hot"] } },
  },
]);

beforeAll(async () => {
  s = await startAutomationServer([
    leadBreedsLead,
    reminderMovesCompletion,
    completionMovesReminder,
    ratingSetsScore,
    scoreSetsRating,
  ]);
}, 60_000);
afterAll(async () => s?.close());

const stillResponsive = async () => {
  const started = Date.now();
  const answer = await s.admin.get("/api/v1/records/account?limit=1");
  expect(answer.status).toBe(200);
  expect(Date.now() - started).toBeLessThan(1000);
};

describe("loop protection", () => {
  it("stops an automation that creates records of its own object at the depth limit", async () => {
    await createRecord(s.admin, "lead", { lastName: "Gen", company: "Loop Ltd", status: "new" });
    const failed = await eventually(
      async () =>
        (await automationLog(s.admin)).filter((e) => e.name === "leadBreedsLead" && e.status === "failed"),
      (entries) => entries.length > 0,
    );
    expect(failed).toEqual([
      expect.objectContaining({ kind: "automation", message: expect.stringMatching(/limit 5/) }),
    ]);
    const leads = await findRecords(s.admin, "lead", { "==": [{ var: "company" }, "Loop Ltd"] });
    expect(leads.map((l) => l.lastName).sort()).toEqual([
      "Gen",
      "Gen+",
      "Gen++",
      "Gen+++",
      "Gen++++",
      "Gen+++++",
    ]);
    expect(await pendingJobs(s.admin, "createRecord")).toEqual([]);
    await stillResponsive();
  });

  it("stops two scheduled automations that keep moving each other's date", async () => {
    const task = await createRecord(s.admin, "task", {
      subject: "Ping-pong",
      status: "notStarted",
      priority: "normal",
      assignedTo: s.adminId,
      reminderAt: new Date(Date.now() - 1000).toISOString(),
    });
    const log = await eventually(
      () => automationLog(s.admin, String(task.id)),
      (entries) => entries.some((e) => e.status === "failed"),
    );
    const failed = log.filter((e) => e.status === "failed");
    expect(failed).toEqual([expect.objectContaining({ message: expect.stringMatching(/limit 5/) })]);
    expect(log.filter((e) => e.status === "ok").length).toBe(5);
    expect((await readRecord(s.admin, "task", String(task.id))).version).toBe(6);
    expect((await pendingJobs(s.admin, "timer")).filter((j) => j.payload.recordId === task.id)).toEqual([]);
    await stillResponsive();
  });

  it("runs each of two automations changing each other's trigger field once per write", async () => {
    const lead = await createRecord(s.admin, "lead", {
      lastName: "Fu",
      company: "Fu Co",
      status: "new",
      score: 1,
    });
    const updated = await updateRecord(s.admin, "lead", String(lead.id), { rating: "warm" });
    expect(updated).toMatchObject({ score: 2, rating: "hot", version: 2 });
    const log = await automationLog(s.admin, String(lead.id));
    expect(log.map((e) => [e.name, e.status]).sort()).toEqual([
      ["ratingSetsScore", "ok"],
      ["scoreSetsRating", "ok"],
    ]);
  });
});
