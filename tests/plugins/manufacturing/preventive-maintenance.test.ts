import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  automationLog,
  createRecord,
  eventually,
  findRecords,
  idOf,
  type Json,
  pause,
  pendingJobs,
  readRecord,
  updateRecord,
} from "../../engine/automation/automation-fixture.js";
import {
  dayFromToday,
  idWhere,
  type Plant,
  type PlantUser,
  signInAs,
  startPlant,
  TENANT,
} from "./plant-fixture.js";

let plant: Plant;
let manager: PlantUser;
let engineer: PlantUser;
let machine: string;
let customer: string;

beforeAll(async () => {
  plant = await startPlant();
  manager = await signInAs(plant, "wang.min");
  engineer = await signInAs(plant, "li.qiang");
  machine = await idWhere(plant.admin, "equipment", "serialNumber", "VMC850-2023-0117");
  customer = await idWhere(plant.admin, "account", "name", "上海华东精密机械有限公司");
}, 120_000);
afterAll(async () => plant?.close());

const newSchedule = (name: string, nextDueDate: string, more: Json = {}) =>
  createRecord(manager.client, "maintenanceSchedule", {
    name,
    equipment: machine,
    account: customer,
    region: "eastChina",
    intervalDays: 30,
    nextDueDate,
    instructions: "Replace the coolant filter; check spindle temperature.",
    ...more,
  });
const workOrdersOf = (schedule: unknown) =>
  findRecords(plant.admin, "workOrder", { "==": [{ var: "maintenanceSchedule" }, schedule] });
const timersOf = async (id: unknown) =>
  (await pendingJobs(plant.admin, "timer")).filter((j) => j.payload.recordId === id);

describe("preventive maintenance schedules", () => {
  it("create the work order seven days before the due date and move the next due date on by the interval", async () => {
    const schedule = await newSchedule("Monthly service, line 2", dayFromToday(3));
    const orders = await eventually(
      () => workOrdersOf(schedule.id),
      (found) => found.length > 0,
    );
    expect(orders).toEqual([
      expect.objectContaining({
        subject: `Monthly service, line 2 ${dayFromToday(3)}`,
        type: "preventive",
        status: "scheduled",
        scheduledDate: dayFromToday(3),
        region: "eastChina",
        description: "Replace the coolant filter; check spindle temperature.",
        // Routed like any new work order: the East China engineer has it.
        ownerId: engineer.id,
      }),
    ]);
    expect(idOf(orders[0]?.equipment)).toBe(machine);
    expect(idOf(orders[0]?.account)).toBe(customer);
    expect(await readRecord(plant.admin, "maintenanceSchedule", String(schedule.id))).toMatchObject({
      lastDueDate: dayFromToday(3),
      nextDueDate: dayFromToday(33),
      version: 2,
    });
    // The moved date set the next timer: the schedule recurs without anyone touching it.
    expect((await timersOf(schedule.id)).map((t) => t.dueAt)).toEqual([`${dayFromToday(26)}T00:00:00.000Z`]);
    expect(await readRecord(engineer.client, "workOrder", String(orders[0]?.id))).toMatchObject({
      type: "preventive",
    });
  });

  it("keeps recurring (past the automation depth limit): each run sets the timer for the next due date", async () => {
    const schedule = await newSchedule("Weekly chip conveyor check", dayFromToday(20), { intervalDays: 7 });
    const tenant = await plant.t.server.store.tenant(TENANT);
    // More cycles than MAX_AUTOMATION_DEPTH (5): a waiting timer starts a fresh chain.
    const CYCLES = 7;
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const timers = await tenant.listJobs({ kind: "timer", limit: 500 });
      const timer = timers.find((j) => j.payload.recordId === schedule.id);
      expect(timer?.dueAt).toBe(`${dayFromToday(13 + 7 * (cycle - 1))}T00:00:00.000Z`);
      if (timer === undefined) return;
      // The clock cannot be moved: the pending timer is brought forward instead, as its time coming would.
      await tenant.enqueueJobs([{ ...timer, id: `${timer.id}-${cycle}`, dueAt: new Date().toISOString() }]);
      await eventually(
        () => workOrdersOf(schedule.id),
        (found) => found.length === cycle,
      );
    }
    const served = Array.from({ length: CYCLES }, (_, i) => dayFromToday(20 + 7 * i));
    expect((await workOrdersOf(schedule.id)).map((o) => o.scheduledDate).sort()).toEqual(served);
    expect(await readRecord(plant.admin, "maintenanceSchedule", String(schedule.id))).toMatchObject({
      lastDueDate: dayFromToday(20 + 7 * (CYCLES - 1)),
      nextDueDate: dayFromToday(20 + 7 * CYCLES),
    });
    expect((await timersOf(schedule.id)).map((t) => t.dueAt)).toEqual([
      `${dayFromToday(13 + 7 * CYCLES)}T00:00:00.000Z`,
    ]);
  });

  it("waits for a due date further away than a week", async () => {
    const schedule = await newSchedule("Quarterly service", dayFromToday(40), { intervalDays: 90 });
    expect((await timersOf(schedule.id)).map((t) => t.dueAt)).toEqual([`${dayFromToday(33)}T00:00:00.000Z`]);
    await pause(300);
    expect(await workOrdersOf(schedule.id)).toEqual([]);
  });

  it("skips an inactive schedule, creating nothing and leaving its dates", async () => {
    const schedule = await newSchedule("Paused while the contract is renewed", dayFromToday(2), {
      active: false,
    });
    const log = await eventually(
      async () =>
        (await automationLog(plant.admin, String(schedule.id))).filter(
          (e) => e.name === "preventiveMaintenance",
        ),
      (entries) => entries.length > 0,
    );
    expect(log).toEqual([
      expect.objectContaining({ status: "skipped", message: "The condition does not hold any more." }),
    ]);
    expect(await readRecord(plant.admin, "maintenanceSchedule", String(schedule.id))).toMatchObject({
      nextDueDate: dayFromToday(2),
      version: 1,
    });
    expect(await workOrdersOf(schedule.id)).toEqual([]);
  });

  it("catches an overdue schedule up in one step: one work order for the missed date, the next date in the future", async () => {
    const schedule = await newSchedule("Overdue lubrication", dayFromToday(-40));
    const moved = await eventually(
      () => readRecord(plant.admin, "maintenanceSchedule", String(schedule.id)),
      (record) => record.version === 2,
    );
    expect(moved).toMatchObject({ lastDueDate: dayFromToday(-40), nextDueDate: dayFromToday(30) });
    const orders = await eventually(
      () => workOrdersOf(schedule.id),
      (found) => found.length > 0,
    );
    await pause(300);
    expect((await workOrdersOf(schedule.id)).map((o) => o.scheduledDate)).toEqual([dayFromToday(-40)]);
    expect(orders).toHaveLength(1);
    expect((await timersOf(schedule.id)).map((t) => t.dueAt)).toEqual([`${dayFromToday(23)}T00:00:00.000Z`]);
  });

  it("moves the timer when a manager changes the next due date", async () => {
    const schedule = await newSchedule("Annual inspection", dayFromToday(100), { intervalDays: 365 });
    await updateRecord(manager.client, "maintenanceSchedule", String(schedule.id), {
      nextDueDate: dayFromToday(200),
    });
    expect((await timersOf(schedule.id)).map((t) => t.dueAt)).toEqual([`${dayFromToday(193)}T00:00:00.000Z`]);
  });

  it("refuses an interval of less than a week, and creates nothing", async () => {
    const refused = await manager.client.post<Json>("/api/v1/records/maintenanceSchedule", {
      name: "Daily wipe-down",
      equipment: machine,
      region: "eastChina",
      intervalDays: 1,
      nextDueDate: dayFromToday(1),
    });
    expect(refused.status).toBe(422);
    expect(
      await findRecords(plant.admin, "maintenanceSchedule", { "==": [{ var: "name" }, "Daily wipe-down"] }),
    ).toEqual([]);
  });
});
