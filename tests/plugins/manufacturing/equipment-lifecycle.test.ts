import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRecord,
  findRecords,
  type Json,
  readRecord,
  updateRecord,
} from "../../engine/automation/automation-fixture.js";
import { expectProblem } from "../../engine/support/problem-assertions.js";
import {
  dayFromToday,
  historyOf,
  idWhere,
  type Plant,
  type PlantUser,
  signInAs,
  startPlant,
} from "./plant-fixture.js";

let plant: Plant;
let manager: PlantUser;
let engineer: PlantUser;
let customer: string;

beforeAll(async () => {
  plant = await startPlant();
  manager = await signInAs(plant, "wang.min");
  engineer = await signInAs(plant, "li.qiang");
  customer = await idWhere(plant.admin, "account", "name", "上海华东精密机械有限公司");
}, 120_000);
afterAll(async () => plant?.close());

const newMachine = (serialNumber: string, more: Json = {}) =>
  createRecord(manager.client, "equipment", {
    serialNumber,
    model: "VMC-850 立式加工中心",
    account: customer,
    region: "eastChina",
    installDate: dayFromToday(-1),
    ...more,
  });
const moveTo = (id: unknown, status: string) =>
  updateRecord(engineer.client, "equipment", String(id), { status });

/** Tries a status change as the engineer and expects it refused by `rule`; proves nothing changed. */
const expectRefusedMove = async (id: unknown, status: string, rule: string) => {
  const before = await readRecord(plant.admin, "equipment", String(id));
  const historyBefore = await historyOf(plant.admin, "equipment", String(id));
  const refused = await engineer.client.patch(
    `/api/v1/records/equipment/${String(id)}`,
    { status },
    Number(before.version),
  );
  expect(expectProblem(refused, 422).errors).toEqual([
    expect.objectContaining({ path: "/status", code: `rule.${rule}` }),
  ]);
  expect(await readRecord(plant.admin, "equipment", String(id))).toEqual(before);
  expect(await historyOf(plant.admin, "equipment", String(id))).toEqual(historyBefore);
};

describe("the equipment lifecycle", () => {
  it("starts installed and keeps the history of every status change, who made it and when", async () => {
    const machine = await newMachine("VMC850-2026-0901");
    expect(machine).toMatchObject({ status: "installed", statusChangedAt: expect.any(String) });
    const steps = ["inService", "underRepair", "inService", "retired"];
    let previousStamp = String(machine.statusChangedAt);
    for (const status of steps) {
      const moved = await moveTo(machine.id, status);
      expect(moved.status).toBe(status);
      expect(Date.parse(String(moved.statusChangedAt))).toBeGreaterThanOrEqual(Date.parse(previousStamp));
      previousStamp = String(moved.statusChangedAt);
    }
    const history = (await historyOf(plant.admin, "equipment", String(machine.id))).filter(
      (e) => e.field === "status",
    );
    expect(history.map((e) => [e.oldValue, e.newValue, e.version, e.changedBy])).toEqual([
      ["installed", "inService", 2, engineer.id],
      ["inService", "underRepair", 3, engineer.id],
      ["underRepair", "inService", 4, engineer.id],
      ["inService", "retired", 5, engineer.id],
    ]);
    // Retiring stamps the day.
    expect(await readRecord(plant.admin, "equipment", String(machine.id))).toMatchObject({
      status: "retired",
      retiredOn: dayFromToday(0),
    });
  });

  it("refuses bringing retired equipment back, and changes nothing", async () => {
    const machine = await newMachine("VMC850-2026-0902");
    await moveTo(machine.id, "inService");
    await moveTo(machine.id, "retired");
    await expectRefusedMove(machine.id, "inService", "retiredIsFinal");
    await expectRefusedMove(machine.id, "underRepair", "retiredIsFinal");
  });

  it("refuses going back to installed once in service, and changes nothing", async () => {
    const machine = await newMachine("VMC850-2026-0903");
    await moveTo(machine.id, "underRepair");
    await expectRefusedMove(machine.id, "installed", "noReturnToInstalled");
  });

  it("refuses equipment in service without an install date, and creates nothing", async () => {
    const refused = await manager.client.post("/api/v1/records/equipment", {
      serialNumber: "VMC850-2026-0904",
      model: "VMC-850",
      account: customer,
      status: "inService",
    });
    expect(expectProblem(refused, 422).errors).toEqual([
      expect.objectContaining({ path: "/installDate", code: "rule.inServiceNeedsInstallDate" }),
    ]);
    expect(
      await findRecords(plant.admin, "equipment", { "==": [{ var: "serialNumber" }, "VMC850-2026-0904"] }),
    ).toEqual([]);
  });

  it("refuses a second machine with the same serial number, and creates nothing", async () => {
    await newMachine("VMC850-2026-0905");
    const refused = await manager.client.post("/api/v1/records/equipment", {
      serialNumber: "VMC850-2026-0905",
      model: "VMC-850",
      account: customer,
    });
    expect(expectProblem(refused, 422).errors).toEqual([
      expect.objectContaining({ path: "/serialNumber", code: "field.notUnique" }),
    ]);
    expect(
      await findRecords(plant.admin, "equipment", { "==": [{ var: "serialNumber" }, "VMC850-2026-0905"] }),
    ).toHaveLength(1);
  });

  it("lets a field engineer change the status but not the serial number", async () => {
    const machine = await newMachine("VMC850-2026-0906");
    const refused = await engineer.client.patch(
      `/api/v1/records/equipment/${String(machine.id)}`,
      { serialNumber: "TAMPERED-0001" },
      Number(machine.version),
    );
    expect(expectProblem(refused, 422).errors).toEqual([
      expect.objectContaining({ path: "/serialNumber", code: "field.notEditable" }),
    ]);
    expect(await readRecord(plant.admin, "equipment", String(machine.id))).toMatchObject({
      serialNumber: "VMC850-2026-0906",
      version: machine.version,
    });
  });
});
