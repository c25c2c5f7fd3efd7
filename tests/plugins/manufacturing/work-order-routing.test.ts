import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRecord,
  eventually,
  type Json,
  notificationsOf,
  readRecord,
  updateRecord,
} from "../../engine/automation/automation-fixture.js";
import { expectProblem } from "../../engine/support/problem-assertions.js";
import { historyOf, idWhere, type Plant, type PlantUser, signInAs, startPlant } from "./plant-fixture.js";

let plant: Plant;
let manager: PlantUser;
let east: PlantUser;
let north: PlantUser;
let south: PlantUser;
let machine: string;

beforeAll(async () => {
  plant = await startPlant();
  manager = await signInAs(plant, "wang.min");
  east = await signInAs(plant, "li.qiang");
  north = await signInAs(plant, "zhao.lei");
  south = await signInAs(plant, "chen.jie");
  machine = await idWhere(plant.admin, "equipment", "serialNumber", "VMC850-2023-0117");
}, 120_000);
afterAll(async () => plant?.close());

const newWorkOrder = (subject: string, region: string, more: Json = {}) =>
  createRecord(manager.client, "workOrder", { subject, equipment: machine, region, ...more });

describe("work order assignment to field engineers by region", () => {
  it("gives a new East China work order to the East China engineer in the create itself, and tells him", async () => {
    const order = await newWorkOrder("Coolant pump leaking", "eastChina");
    expect(order).toMatchObject({ ownerId: east.id, status: "new", type: "corrective", version: 1 });
    expect(await readRecord(east.client, "workOrder", String(order.id))).toMatchObject({ ownerId: east.id });
    // Work orders are private: another region's engineer does not see it.
    expectProblem(await north.client.get(`/api/v1/records/workOrder/${order.id}`), 404);
    const told = await eventually(
      async () => (await notificationsOf(east.client)).filter((n) => n.recordId === order.id),
      (found) => found.length > 0,
    );
    expect(told).toEqual([
      expect.objectContaining({ title: `派工单 ${String(order.workOrderNumber)} 已分配给您` }),
    ]);
  });

  it("routes each region to its engineer", async () => {
    expect((await newWorkOrder("Hydraulic check", "northChina")).ownerId).toBe(north.id);
    expect((await newWorkOrder("Mould heater", "southChina")).ownerId).toBe(south.id);
  });

  it("reassigns when the region changes, and the history shows the new owner", async () => {
    const order = await newWorkOrder("Spindle noise", "eastChina");
    const moved = await updateRecord(manager.client, "workOrder", String(order.id), { region: "northChina" });
    expect(moved).toMatchObject({ ownerId: north.id, region: "northChina", version: 2 });
    expectProblem(await east.client.get(`/api/v1/records/workOrder/${order.id}`), 404);
    expect(await historyOf(plant.admin, "workOrder", String(order.id))).toContainEqual(
      expect.objectContaining({ field: "ownerId", oldValue: east.id, newValue: north.id, version: 2 }),
    );
  });

  it("keeps the creator as owner when no engineer covers the region", async () => {
    const order = await newWorkOrder("Export machine in Penang", "international");
    expect(order.ownerId).toBe(manager.id);
  });

  it("does not take back a work order a manager handed to another engineer when it is edited later", async () => {
    const order = await newWorkOrder("Second opinion on gearbox", "eastChina");
    const handed = await manager.client.post<Json>(`/api/v1/records/workOrder/${order.id}/owner`, {
      ownerId: south.id,
    });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    const edited = await updateRecord(south.client, "workOrder", String(order.id), { status: "scheduled" });
    expect(edited).toMatchObject({ ownerId: south.id, status: "scheduled" });
  });

  it("refuses an engineer moving the due time, and changes nothing", async () => {
    const order = await newWorkOrder("Due time fixed by the manager", "eastChina", {
      slaDue: "2031-01-01T08:00:00.000Z",
    });
    const refused = await east.client.patch(
      `/api/v1/records/workOrder/${order.id}`,
      { slaDue: "2031-06-01T08:00:00.000Z" },
      Number(order.version),
    );
    expect(expectProblem(refused, 422).errors).toEqual([
      expect.objectContaining({ path: "/slaDue", code: "field.notEditable" }),
    ]);
    expect(await readRecord(plant.admin, "workOrder", String(order.id))).toMatchObject({
      slaDue: "2031-01-01T08:00:00.000Z",
      version: order.version,
    });
  });
});
