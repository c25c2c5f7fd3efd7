import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ObjectDefinition } from "@tessera/metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  eventually,
  findRecords,
  idOf,
  type Json,
  readRecord,
} from "../../engine/automation/automation-fixture.js";
import { dayFromToday, idWhere, type Plant, signInAs, startPlant } from "./plant-fixture.js";

const PACKAGE_DIR = fileURLToPath(new URL("../../../plugins/manufacturing/", import.meta.url));
const STANDARD_CASE = fileURLToPath(
  new URL("../../../metadata/src/standard/objects/case.json", import.meta.url),
);

type Doc = Json & { kind: string; name: string };

const jsonFilesUnder = async (dir: string): Promise<string[]> => {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await jsonFilesUnder(path)));
    else if (entry.name.endsWith(".json")) files.push(path);
  }
  return files.sort();
};

const bundle = async (): Promise<Doc[]> =>
  Promise.all(
    (await jsonFilesUnder(join(PACKAGE_DIR, "metadata"))).map(
      async (file) => JSON.parse(await readFile(file, "utf8")) as Doc,
    ),
  );

const CJK = /[\u4e00-\u9fff]/;

/** Every `{"en": ...}` text of a document, with its JSON pointer. */
const localizedTexts = (value: unknown, path: string, out: Array<{ path: string; text: Json }>) => {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      localizedTexts(item, `${path}/${i}`, out);
    });
    return out;
  }
  if (typeof value !== "object" || value === null) return out;
  const object = value as Json;
  if (typeof object.en === "string") out.push({ path, text: object });
  else for (const [key, child] of Object.entries(object)) localizedTexts(child, `${path}/${key}`, out);
  return out;
};

let plant: Plant;
let published: Doc[];

beforeAll(async () => {
  plant = await startPlant();
  const versions = await plant.admin.get<{ versions: Array<{ version: number }> }>(
    "/api/v1/metadata/versions",
  );
  expect(versions.status).toBe(200);
  const latest = await plant.admin.get<{ documents: Doc[] }>(
    `/api/v1/metadata/versions/${versions.body.versions[0]?.version}`,
  );
  expect(latest.status).toBe(200);
  published = latest.body.documents;
}, 120_000);
afterAll(async () => plant?.close());

describe("installing the manufacturing template into a fresh tenant", () => {
  it("publishes every document of the bundle exactly as shipped, and records the package", async () => {
    const documents = await bundle();
    expect(documents.length).toBeGreaterThanOrEqual(40);
    for (const doc of documents) {
      const found = published.find((d) => d.kind === doc.kind && d.name === doc.name);
      expect(found, `${doc.kind}/${doc.name}`).toEqual(doc);
    }
    const packages = await plant.admin.get<{ installed: Json[] }>("/api/v1/packages");
    expect(packages.status).toBe(200);
    expect(packages.body.installed).toContainEqual(
      expect.objectContaining({ name: "manufacturing", version: "1.0.0", documents: documents.length }),
    );
  });

  it("extends the standard case object without removing or changing a standard field", async () => {
    const standard = JSON.parse(await readFile(STANDARD_CASE, "utf8")) as ObjectDefinition;
    const shipped = published.find(
      (d) => d.kind === "object" && d.name === "case",
    ) as unknown as ObjectDefinition;
    for (const field of standard.fields) expect(shipped.fields).toContainEqual(field);
    expect(shipped.validationRules).toEqual(expect.arrayContaining(standard.validationRules ?? []));
    expect(shipped.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(["equipment", "serviceContract", "slaDue", "escalated", "escalatedAt"]),
    );
  });

  it("labels every document, field, option, section and message in English and Simplified Chinese", async () => {
    const manifest = JSON.parse(await readFile(join(PACKAGE_DIR, "manifest.json"), "utf8")) as Doc;
    const missing: string[] = [];
    let count = 0;
    for (const doc of [manifest, ...(await bundle())]) {
      for (const { path, text } of localizedTexts(doc, "", [])) {
        count++;
        const zh = text["zh-CN"];
        // Template sources may be only placeholders ("{{record.serialNumber}} · {{record.model}}").
        const isTemplateSource = doc.kind === "template" && /^\/(body|subject)$/.test(path);
        if (typeof zh !== "string" || zh.trim() === "" || (!isTemplateSource && !CJK.test(zh)))
          missing.push(`${doc.kind}/${doc.name}${path}`);
      }
    }
    expect(count).toBeGreaterThan(250);
    expect(missing).toEqual([]);
  });
});

describe("the manufacturing sample data", () => {
  it("has equipment in every lifecycle status, each at a customer", async () => {
    const equipment = await findRecords(plant.admin, "equipment", { "!!": { var: "serialNumber" } });
    expect(new Set(equipment.map((e) => e.status))).toEqual(
      new Set(["installed", "inService", "underRepair", "retired"]),
    );
    for (const machine of equipment) expect(idOf(machine.account)).toEqual(expect.any(String));
    const retired = equipment.find((e) => e.status === "retired");
    expect(retired?.retiredOn).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
  });

  it("has field engineers and service managers with roles, managers, permission sets and the serviceManagers group", async () => {
    const engineers = await findRecords(plant.admin, "user", { "==": [{ var: "role" }, "fieldEngineer"] });
    expect(engineers.map((u) => u.username).sort()).toEqual(["chen.jie", "li.qiang", "wu.gang", "zhao.lei"]);
    const wangMin = await idWhere(plant.admin, "user", "username", "wang.min");
    const liQiang = engineers.find((u) => u.username === "li.qiang");
    expect(idOf(liQiang?.manager)).toBe(wangMin);
    expect(
      (
        await findRecords(plant.admin, "permissionSetAssignment", {
          "==": [{ var: "assignee" }, liQiang?.id],
        })
      ).map((a) => a.permissionSet),
    ).toEqual(["fieldEngineerAccess"]);
    const group = await idWhere(plant.admin, "group", "name", "serviceManagers");
    const members = await findRecords(plant.admin, "groupMember", { "==": [{ var: "group" }, group] });
    const memberIds = members.map((m) => idOf(m.member)).sort();
    const managers = await findRecords(plant.admin, "user", { "==": [{ var: "role" }, "serviceManager"] });
    expect(memberIds).toEqual(managers.map((m) => m.id).sort());
    expect(managers.map((m) => m.username).sort()).toEqual(["wang.min", "zhang.tao"]);
  });

  it("routed the sample work orders to the engineers of their regions, with their parts costed", async () => {
    const spindle = await idWhere(plant.admin, "workOrder", "subject", "更换三号车间 VMC-850 主轴轴承");
    const liQiang = await idWhere(plant.admin, "user", "username", "li.qiang");
    expect(await readRecord(plant.admin, "workOrder", spindle)).toMatchObject({
      ownerId: liQiang,
      region: "eastChina",
      partLines: 2,
      partsCost: 5780,
      totalCost: 5780,
    });
    const sealing = await idWhere(plant.admin, "workOrder", "subject", "灌装线封口模具维修");
    const wuGang = await idWhere(plant.admin, "user", "username", "wu.gang");
    expect((await readRecord(plant.admin, "workOrder", sealing)).ownerId).toBe(wuGang);
    const engineer = await signInAs(plant, "li.qiang");
    const mine = await findRecords(engineer.client, "workOrder", { "!!": { var: "subject" } });
    expect(mine.length).toBeGreaterThan(0);
    for (const order of mine) expect(order.ownerId).toBe(liQiang);
  });

  it("escalates the sample case whose SLA has already passed", async () => {
    const id = await idWhere(plant.admin, "case", "subject", "注塑机料筒温控报警 E-21");
    const escalated = await eventually(
      () => readRecord(plant.admin, "case", id),
      (record) => record.escalated === true,
    );
    expect(escalated).toMatchObject({ escalated: true, status: "escalated" });
  });

  it("creates the first work orders of the schedules due within a week and moves their dates on", async () => {
    const vmc = await idWhere(plant.admin, "maintenanceSchedule", "name", "VMC-850 季度保养（0117）");
    const schedule = await eventually(
      () => readRecord(plant.admin, "maintenanceSchedule", vmc),
      (record) => record.lastDueDate !== undefined,
    );
    expect(schedule).toMatchObject({ lastDueDate: dayFromToday(4), nextDueDate: dayFromToday(94) });
    const generated = await eventually(
      () => findRecords(plant.admin, "workOrder", { "==": [{ var: "maintenanceSchedule" }, vmc] }),
      (found) => found.length > 0,
    );
    expect(generated).toEqual([
      expect.objectContaining({ type: "preventive", status: "scheduled", scheduledDate: dayFromToday(4) }),
    ]);
    const later = await idWhere(plant.admin, "maintenanceSchedule", "name", "HX-280T 月度保养（0056）");
    expect(await readRecord(plant.admin, "maintenanceSchedule", later)).toMatchObject({
      nextDueDate: dayFromToday(20),
    });
    expect(
      await findRecords(plant.admin, "workOrder", { "==": [{ var: "maintenanceSchedule" }, later] }),
    ).toEqual([]);
  });
});

describe("the manufacturing list views", () => {
  const viewFilter = (name: string): unknown => {
    const view = published.find((d) => d.kind === "listView" && d.name === name);
    expect(view, name).toBeDefined();
    return view?.filter;
  };

  it("lists the active contracts ending within 60 days", async () => {
    const expiring = await findRecords(plant.admin, "serviceContract", viewFilter("contractsExpiring"));
    expect(expiring.map((c) => c.name)).toEqual(["明辉电子 标准服务合同"]);
  });

  it("lists the equipment under repair", async () => {
    const repairing = await findRecords(plant.admin, "equipment", viewFilter("equipmentUnderRepair"));
    expect(repairing.map((e) => e.serialNumber).sort()).toEqual(["GF24-2021-0419", "VMC850-2024-0342"]);
  });

  it("lists the open work orders, leaving out completed ones", async () => {
    const open = await findRecords(plant.admin, "workOrder", viewFilter("openWorkOrders"));
    expect(open.length).toBeGreaterThanOrEqual(4);
    expect(open.map((o) => o.status)).not.toContain("completed");
    expect(open.map((o) => o.subject)).not.toContain("HX-280T 季度保养");
  });
});
