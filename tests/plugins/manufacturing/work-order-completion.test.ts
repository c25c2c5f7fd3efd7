import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRecord,
  type Json,
  readRecord,
  updateRecord,
} from "../../engine/automation/automation-fixture.js";
import type { ApiClient } from "../../engine/support/api-client.js";
import { expectProblem } from "../../engine/support/problem-assertions.js";
import { idWhere, type Plant, type PlantUser, signInAs, startPlant } from "./plant-fixture.js";

let plant: Plant;
let manager: PlantUser;
let engineer: PlantUser;
let machine: string;
let customer: string;
let bearing: string;
let filter: string;

beforeAll(async () => {
  plant = await startPlant();
  manager = await signInAs(plant, "wang.min");
  engineer = await signInAs(plant, "li.qiang");
  machine = await idWhere(plant.admin, "equipment", "serialNumber", "VMC850-2024-0342");
  customer = await idWhere(plant.admin, "account", "name", "上海华东精密机械有限公司");
  bearing = await idWhere(plant.admin, "product", "productCode", "SP-BRG-7014");
  filter = await idWhere(plant.admin, "product", "productCode", "SP-FLT-CL20");
}, 120_000);
afterAll(async () => plant?.close());

const newWorkOrder = (subject: string, more: Json = {}) =>
  createRecord(manager.client, "workOrder", {
    subject,
    equipment: machine,
    account: customer,
    region: "eastChina",
    ...more,
  });
const usePart = (order: unknown, part: string, quantity: number, unitCost: number) =>
  createRecord(engineer.client, "partUsage", { workOrder: order, part, quantity, unitCost });

/** Tries `body` on the work order as the engineer, expects `rule` to refuse it, proves nothing changed. */
const expectRefused = async (id: unknown, body: Json, rule: string, path: string) => {
  const before = await readRecord(plant.admin, "workOrder", String(id));
  const refused = await engineer.client.patch(
    `/api/v1/records/workOrder/${String(id)}`,
    body,
    Number(before.version),
  );
  expect(expectProblem(refused, 422).errors).toEqual([
    expect.objectContaining({ path, code: `rule.${rule}` }),
  ]);
  expect(await readRecord(plant.admin, "workOrder", String(id))).toEqual(before);
};

const render = (client: ApiClient, id: unknown) =>
  client.get<Json>(`/api/v1/records/workOrder/${String(id)}/render/workOrderCompletionReport`);

describe("parts used on a work order", () => {
  it("rolls the parts' cost up to the work order, with labour into the total", async () => {
    const order = await newWorkOrder("Replace spindle bearings", { laborHours: 2 });
    expect(order).toMatchObject({ laborRate: 300, partLines: 0, partsCost: 0, totalCost: 600 });
    const line = await usePart(order.id, bearing, 2, 2800);
    expect(line.lineCost).toBe(5600);
    await usePart(order.id, filter, 3, 180);
    expect(await readRecord(engineer.client, "workOrder", String(order.id))).toMatchObject({
      partLines: 2,
      partsCost: 6140,
      totalCost: 6740,
    });
    const removed = await engineer.client.delete(`/api/v1/records/partUsage/${String(line.id)}`);
    expect(removed.status).toBe(204);
    expect(await readRecord(engineer.client, "workOrder", String(order.id))).toMatchObject({
      partLines: 1,
      partsCost: 540,
      totalCost: 1140,
    });
  });

  it("refuses a part line without a part, and adds nothing", async () => {
    const order = await newWorkOrder("Check way covers");
    const refused = await engineer.client.post("/api/v1/records/partUsage", {
      workOrder: order.id,
      quantity: 1,
      unitCost: 10,
    });
    expect(expectProblem(refused, 422).errors).toEqual([expect.objectContaining({ path: "/part" })]);
    expect(await readRecord(plant.admin, "workOrder", String(order.id))).toMatchObject({
      partLines: 0,
      version: order.version,
    });
  });
});

describe("completing a work order", () => {
  it("refuses completion without the work performed, and changes nothing", async () => {
    const order = await newWorkOrder("Align tool changer");
    await expectRefused(order.id, { status: "completed" }, "completedNeedsWorkPerformed", "/workPerformed");
  });

  it("stamps the completion time and keeps a completed work order closed", async () => {
    const order = await newWorkOrder("Replace way wiper");
    const before = Date.now();
    const done = await updateRecord(engineer.client, "workOrder", String(order.id), {
      status: "completed",
      workPerformed: "Replaced the X-axis way wiper; checked lubrication.",
      customerSignoff: "周工",
    });
    expect(Date.parse(String(done.completedAt))).toBeGreaterThanOrEqual(before - 1000);
    await expectRefused(order.id, { status: "inProgress" }, "closedIsFinal", "/status");
  });

  it("prints the completion report in the reader's language", async () => {
    const order = await newWorkOrder("更换主轴轴承", { laborHours: 1.5 });
    await usePart(order.id, bearing, 2, 2800);
    await updateRecord(engineer.client, "workOrder", String(order.id), {
      status: "completed",
      workPerformed: "更换前后主轴轴承，动平衡测试合格。",
      customerSignoff: "周工",
    });
    const chinese = await render(engineer.client, order.id);
    expect(chinese.status, JSON.stringify(chinese.body)).toBe(200);
    expect(chinese.body).toMatchObject({ purpose: "print", output: "html" });
    const zhText = String(chinese.body.text);
    for (const expected of [
      "完工报告",
      String(order.workOrderNumber),
      "VMC850-2024-0342",
      "VMC-850 立式加工中心",
      "更换前后主轴轴承，动平衡测试合格。",
      "备件费用",
      "5,600",
      "周工",
      "李强",
    ])
      expect(zhText).toContain(expected);
    const english = await render(plant.admin, order.id);
    expect(english.status).toBe(200);
    expect(String(english.body.text)).toContain("Completion report");
    expect(String(english.body.text)).toContain("Parts Cost");
  });
});
