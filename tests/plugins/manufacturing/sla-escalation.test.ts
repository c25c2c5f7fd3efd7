import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  automationLog,
  createRecord,
  eventually,
  type Json,
  notificationsOf,
  pendingJobs,
  readRecord,
  updateRecord,
} from "../../engine/automation/automation-fixture.js";
import type { ApiClient } from "../../engine/support/api-client.js";
import { historyOf, idWhere, type Plant, type PlantUser, signInAs, startPlant } from "./plant-fixture.js";

let plant: Plant;
let manager: PlantUser;
let otherManager: PlantUser;
let director: PlantUser;
let engineer: PlantUser;
let machine: string;
let customer: string;

beforeAll(async () => {
  plant = await startPlant();
  manager = await signInAs(plant, "wang.min");
  otherManager = await signInAs(plant, "zhang.tao");
  director = await signInAs(plant, "huang.wei");
  engineer = await signInAs(plant, "chen.jie");
  machine = await idWhere(plant.admin, "equipment", "serialNumber", "HX280-2022-0056");
  customer = await idWhere(plant.admin, "account", "name", "深圳明辉电子科技有限公司");
}, 120_000);
afterAll(async () => plant?.close());

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const toldAbout = async (client: ApiClient, id: unknown) =>
  (await notificationsOf(client)).filter((n) => n.recordId === id);
const slaLog = async (automation: string, id: unknown) =>
  (await automationLog(plant.admin, String(id))).filter(
    (e) => e.name === automation && e.kind === "automation",
  );

const newCase = (subject: string, more: Json) =>
  createRecord(manager.client, "case", {
    subject,
    status: "new",
    priority: "high",
    account: customer,
    equipment: machine,
    ...more,
  });

describe("SLA escalation of cases", () => {
  it("escalates a case still open at its SLA due time: flagged, status escalated, owner and service managers told", async () => {
    const created = await newCase("Barrel heater alarm", { slaDue: inMs(600) });
    expect(created).toMatchObject({ escalated: false, status: "new", ownerId: manager.id });
    const escalated = await eventually(
      () => readRecord(plant.admin, "case", String(created.id)),
      (record) => record.escalated === true,
    );
    expect(escalated).toMatchObject({ status: "escalated", ownerId: manager.id, version: 2 });
    expect(Date.parse(String(escalated.escalatedAt))).toBeGreaterThanOrEqual(
      Date.parse(String(created.slaDue)),
    );
    const title = `SLA 超时：${String(created.caseNumber)} Barrel heater alarm`;
    for (const user of [manager, otherManager]) {
      const told = await eventually(
        () => toldAbout(user.client, created.id),
        (found) => found.length > 0,
      );
      // The owner is also in serviceManagers: one notification, not two.
      expect(told).toEqual([expect.objectContaining({ title })]);
    }
    expect(await toldAbout(director.client, created.id)).toEqual([]);
    expect(await toldAbout(engineer.client, created.id)).toEqual([]);
    expect(await historyOf(plant.admin, "case", String(created.id))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "escalated", oldValue: false, newValue: true, version: 2 }),
        expect.objectContaining({ field: "status", oldValue: "new", newValue: "escalated", version: 2 }),
      ]),
    );
  });

  it("leaves a case closed in time alone", async () => {
    const created = await newCase("Password for HMI", { slaDue: inMs(1500) });
    const closed = await updateRecord(manager.client, "case", String(created.id), {
      status: "closed",
      resolution: "Reset the HMI password on site.",
    });
    expect(closed.closedAt).toEqual(expect.any(String));
    const log = await eventually(
      () => slaLog("caseSlaEscalation", created.id),
      (entries) => entries.length > 0,
    );
    expect(log).toEqual([
      expect.objectContaining({ status: "skipped", message: "The record met its target in time." }),
    ]);
    expect(await readRecord(plant.admin, "case", String(created.id))).toMatchObject({
      status: "closed",
      escalated: false,
      version: 2,
    });
    expect(await toldAbout(otherManager.client, created.id)).toEqual([]);
  });

  it("gives a case without a due time 24 hours, and sets its timer for then", async () => {
    const before = Date.now();
    const created = await newCase("Spare screw barrel quote", {});
    const due = Date.parse(String(created.slaDue));
    expect(due).toBeGreaterThanOrEqual(before + 86_400_000 - 1000);
    expect(due).toBeLessThanOrEqual(Date.now() + 86_400_000 + 1000);
    const timers = (await pendingJobs(plant.admin, "timer")).filter((j) => j.payload.recordId === created.id);
    expect(timers).toEqual([
      expect.objectContaining({ payload: expect.objectContaining({ automation: "caseSlaEscalation" }) }),
    ]);
    expect(Date.parse(String(timers[0]?.dueAt))).toBe(due);
  });
});

describe("SLA escalation of work orders", () => {
  const newWorkOrder = (subject: string, slaDue: string) =>
    createRecord(manager.client, "workOrder", { subject, equipment: machine, region: "southChina", slaDue });

  it("escalates a work order open past its due time: urgent, flagged, the engineer and the service managers told", async () => {
    const order = await newWorkOrder("Replace heater band zone 3", inMs(600));
    expect(order).toMatchObject({ ownerId: engineer.id, priority: "medium", escalated: false });
    const escalated = await eventually(
      () => readRecord(plant.admin, "workOrder", String(order.id)),
      (record) => record.escalated === true,
    );
    expect(escalated).toMatchObject({ priority: "urgent", status: "new", ownerId: engineer.id });
    const title = `派工单 ${String(order.workOrderNumber)} 已超时`;
    for (const user of [engineer, manager, otherManager]) {
      const told = await eventually(
        async () => (await toldAbout(user.client, order.id)).filter((n) => n.title === title),
        (found) => found.length > 0,
      );
      expect(told).toHaveLength(1);
    }
  });

  it("does not escalate a work order completed in time", async () => {
    const order = await newWorkOrder("Tighten tie bar nuts", inMs(1500));
    await updateRecord(engineer.client, "workOrder", String(order.id), {
      status: "completed",
      workPerformed: "Tightened all four tie bar nuts to 450 N·m.",
    });
    const log = await eventually(
      () => slaLog("workOrderSlaEscalation", order.id),
      (entries) => entries.length > 0,
    );
    expect(log).toEqual([expect.objectContaining({ status: "skipped" })]);
    expect(await readRecord(plant.admin, "workOrder", String(order.id))).toMatchObject({
      escalated: false,
      priority: "medium",
      status: "completed",
    });
  });
});
