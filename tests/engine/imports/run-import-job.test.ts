import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api-client.js";
import { countRecords, expectProblem } from "../support/problem-assertions.js";
import {
  csv,
  type ImportView,
  type ImportWorld,
  type Json,
  startImportWorld,
  upload,
  vendorsByCode,
  waitForImport,
} from "./import-fixture.js";

let w: ImportWorld;
let visibleAccount: string;
let hiddenAccount: string;

const created = async (client: ApiClient, object: string, body: Json) => {
  const response = await client.post(`/api/v1/records/${object}`, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return String(response.body.id);
};

/** Uploads `rows`, saves `settings` (the suggested mapping unless given) and runs the import to its end. */
const importRows = async (
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  settings: Json = {},
  client: ApiClient = w.importer,
): Promise<ImportView> => {
  const uploaded = await upload(client, "vendor", "vendors.csv", csv(rows));
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  const id = uploaded.body.id;
  const saved = await client.put(`/api/v1/imports/${id}/settings`, {
    mapping: uploaded.body.suggestedMapping,
    mode: "insert",
    automation: true,
    ...settings,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const run = await client.post<ImportView>(`/api/v1/imports/${id}/run`, {});
  expect(run.status).toBe(202);
  expect(run.body.status).toBe("running");
  return waitForImport(client, id);
};

const errorReport = async (id: string, client: ApiClient = w.importer) => {
  const response = await fetch(`${client.baseUrl}/api/v1/imports/${id}/errors.csv`, {
    headers: { authorization: `Bearer ${client.token}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("content-disposition")).toBe(`attachment; filename="import-${id}-errors.csv"`);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  // A BOM first, so spreadsheets read the report as UTF-8.
  expect(text.startsWith("\uFEFF")).toBe(true);
  return text.slice(1);
};

beforeAll(async () => {
  w = await startImportWorld();
  visibleAccount = await created(w.importer, "account", { name: "Visible Co" });
  await created(w.importer, "account", { name: "Twin Co" });
  await created(w.importer, "account", { name: "Twin Co" });
  hiddenAccount = await created(w.admin, "account", { name: "Hidden Co" });
});

afterAll(async () => {
  await w?.close();
});

describe("running an insert", () => {
  it("writes every row through the record pipeline with the file's messy values made right", async () => {
    const done = await importRows([
      [
        "供应商名称",
        "Vendor Code",
        "等级",
        "区域",
        "合作开始日期",
        "Last Audit",
        "营业额",
        "员工人数",
        "优选",
        "客户",
      ],
      [
        "  Acme  ",
        "INS-1",
        "金牌",
        "North;南方",
        "26/11/2026",
        "2026-11-26 10:30",
        "¥1,234.50",
        "1 200",
        "是",
        "Visible Co",
      ],
      ["Beta", "INS-2", "silver", "west", "2026年11月1日", "2026/11/26", "(1,000)", "12", "no", ""],
      ["Gamma", "INS-3", "Bronze", "", "2026/1/5", "", "88元", "", "TRUE", ""],
    ]);
    expect(done.status).toBe("completed");
    expect(done.progress).toMatchObject({
      processed: 3,
      created: 3,
      updated: 0,
      failed: 0,
      skipped: 0,
      percent: 100,
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
    });
    const vendors = await vendorsByCode(w.admin);
    expect(vendors.get("INS-1")).toMatchObject({
      name: "Acme",
      tier: "gold",
      regions: ["north", "south"],
      since: "2026-11-26",
      // The importer works in Asia/Shanghai: 10:30 there.
      lastAudit: "2026-11-26T02:30:00.000Z",
      revenue: 1234.5,
      employees: 1200,
      preferred: true,
      account: { id: visibleAccount, name: "Visible Co" },
      displayName: "Acme (INS-1)",
      rating: "auto",
      ownerId: w.importerId,
      createdBy: w.importerId,
    });
    expect(vendors.get("INS-2")).toMatchObject({
      since: "2026-11-01",
      lastAudit: "2026-11-25T16:00:00.000Z",
      revenue: -1000,
    });
    expect(vendors.get("INS-2")).not.toHaveProperty("account");
    expect(vendors.get("INS-3")).toMatchObject({
      tier: "bronze",
      revenue: 88,
      since: "2026-01-05",
      preferred: true,
    });
    expect(vendors.get("INS-3")).not.toHaveProperty("employees");
  });

  it("records failed rows and goes on; the error report gives row, column, message and the row's values", async () => {
    const done = await importRows(
      [
        ["Vendor Name", "Vendor Code", "Tier", "Employees", "Partner Since", "Account"],
        ["Ok 1", "ERR-1", "gold", "1", "2026-01-01", ""],
        ["Negative", "ERR-2", "gold", "-5", "2026-01-01", ""],
        ["", "ERR-3", "platinum", "1", "03/04/2026", ""],
        ["", "", "", "", "", ""],
        ["Twin", "ERR-5", "", "", "", "Twin Co"],
        ["Hidden", "ERR-6", "", "", "", "Hidden Co"],
        ["Hidden id", "ERR-7", "", "", "", hiddenAccount],
        ["Ok 2", "ERR-8", "", "=1+2", "", ""],
        ["Dup", "ERR-1", "", "", "", ""],
      ],
      {
        mapping: [
          { column: "Vendor Name", field: "name" },
          { column: "Vendor Code", field: "code" },
          { column: "Tier", field: "tier" },
          { column: "Employees", field: "employees" },
          { column: "Partner Since", field: "since" },
          { column: "Account", field: "account", transform: { lookupBy: "name" } },
        ],
      },
    );
    expect(done.progress).toMatchObject({ processed: 9, created: 1, failed: 7, skipped: 1, percent: 100 });
    const report = await errorReport(done.id);
    expect(report.split("\n")).toEqual([
      "row,column,message,Vendor Name,Vendor Code,Tier,Employees,Partner Since,Account",
      "2,Employees,Employees cannot be negative,Negative,ERR-2,gold,-5,2026-01-01,",
      '3,Partner Since,"""03/04/2026"" could be read day-first or month-first: choose the file\'s date format (DD/MM/YYYY or MM/DD/YYYY).",,ERR-3,platinum,1,03/04/2026,',
      '5,Account,"2 Account records are named ""Twin Co"": name the record by its id or a unique field instead.",Twin,ERR-5,,,,Twin Co',
      '6,Account,"No Account record named ""Hidden Co"" that you can see.",Hidden,ERR-6,,,,Hidden Co',
      `7,Account,"No Account record named ""${hiddenAccount}"" that you can see.",Hidden id,ERR-7,,,,${hiddenAccount}`,
      '8,Employees,"Enter a number, such as 1234.5.",Ok 2,ERR-8,,\'=1+2,,',
      '9,Vendor Code,"Another record already has this ""code"".",Dup,ERR-1,,,,',
      "",
    ]);
    const vendors = await vendorsByCode(w.admin);
    expect([...vendors.keys()].filter((code) => code.startsWith("ERR-"))).toEqual(["ERR-1"]);
  });

  it("does not run automations when the import says so", async () => {
    const done = await importRows(
      [
        ["Vendor Name", "Vendor Code"],
        ["Quiet", "AUTO-OFF"],
      ],
      { automation: false },
    );
    expect(done.progress.created).toBe(1);
    expect((await vendorsByCode(w.admin)).get("AUTO-OFF")).not.toHaveProperty("rating");
  });

  it("resolves lookups by id and by an external id (a unique field)", async () => {
    const done = await importRows(
      [
        ["Vendor Name", "Vendor Code", "Account", "Parent"],
        ["Child", "EXT-1", visibleAccount, "INS-1"],
        ["Orphan", "EXT-2", "", "NOPE"],
      ],
      {
        mapping: [
          { column: "Vendor Name", field: "name" },
          { column: "Vendor Code", field: "code" },
          { column: "Account", field: "account", transform: { lookupBy: "id" } },
          { column: "Parent", field: "parent", transform: { lookupBy: "code" } },
        ],
      },
    );
    expect(done.progress).toMatchObject({ created: 1, failed: 1 });
    const vendors = await vendorsByCode(w.admin);
    expect(vendors.get("EXT-1")).toMatchObject({
      account: { id: visibleAccount },
      parent: { id: vendors.get("INS-1")?.id, name: "Acme" },
    });
    expect(await errorReport(done.id)).toContain(
      '2,Parent,"No Vendor record with code ""NOPE"" that you can see.",Orphan,EXT-2,,NOPE',
    );
  });
});

describe("running an import of a workbook", () => {
  it("reads date cells and Excel serial numbers as dates, and times on the user's wall clock", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Vendors");
    sheet.addRow(["Vendor Name", "Vendor Code", "Partner Since", "Last Audit", "Employees"]);
    sheet.addRow([
      "Xl 1",
      "XL-1",
      new Date(Date.UTC(2026, 10, 26)),
      new Date(Date.UTC(2026, 10, 26, 10, 30)),
      5,
    ]);
    sheet.addRow(["Xl 2", "XL-2", 46352, 46352.4375, 1234]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const uploaded = await upload(w.importer, "vendor", "vendors.xlsx", bytes);
    expect(uploaded.status).toBe(201);
    const id = uploaded.body.id;
    const settings = { mapping: uploaded.body.suggestedMapping, mode: "insert", automation: true };
    expect((await w.importer.put(`/api/v1/imports/${id}/settings`, settings)).status).toBe(200);
    expect((await w.importer.post(`/api/v1/imports/${id}/run`, {})).status).toBe(202);
    const done = await waitForImport(w.importer, id);
    expect(done.progress).toMatchObject({ created: 2, failed: 0 });
    const vendors = await vendorsByCode(w.admin);
    for (const code of ["XL-1", "XL-2"])
      expect(vendors.get(code)).toMatchObject({ since: "2026-11-26", lastAudit: "2026-11-26T02:30:00.000Z" });
    expect(vendors.get("XL-2")).toMatchObject({ employees: 1234 });
  });
});

describe("updating and upserting", () => {
  it("updates the records a unique field matches, and reports rows that match none", async () => {
    const done = await importRows(
      [
        ["Vendor Code", "Employees", "Tier"],
        ["INS-1", "1300", "silver"],
        ["INS-2", "", "Gold"],
        ["NOPE-1", "1", ""],
        ["", "2", ""],
      ],
      { mode: "update", matchField: "code" },
    );
    expect(done.progress).toMatchObject({ processed: 4, created: 0, updated: 2, failed: 2 });
    const vendors = await vendorsByCode(w.admin);
    expect(vendors.get("INS-1")).toMatchObject({ employees: 1300, tier: "silver", name: "Acme", version: 2 });
    // An empty cell leaves the field as it was.
    expect(vendors.get("INS-2")).toMatchObject({ employees: 12, tier: "gold" });
    const report = await errorReport(done.id);
    expect(report).toContain('3,Vendor Code,"No vendor record with code ""NOPE-1"" that you can see."');
    expect(report).toContain("4,Vendor Code,The row has no value to find its record by.");
  });

  it("updates by id", async () => {
    const vendors = await vendorsByCode(w.admin);
    const gamma = vendors.get("INS-3");
    const done = await importRows(
      [
        ["Id", "Vendor Name"],
        [String(gamma?.id), "Gamma Renamed"],
      ],
      {
        mapping: [
          { column: "Id", field: "id" },
          { column: "Vendor Name", field: "name" },
        ],
        mode: "update",
        matchField: "id",
      },
    );
    expect(done.progress, await errorReport(done.id)).toMatchObject({ updated: 1, failed: 0 });
    expect((await vendorsByCode(w.admin)).get("INS-3")).toMatchObject({ name: "Gamma Renamed" });
  });

  it("upserts: creates rows no record matches, updates the others, and a repeated key updates what the file created", async () => {
    const before = await countRecords(w.admin, "vendor");
    const done = await importRows(
      [
        ["Vendor Name", "Vendor Code", "Employees"],
        ["Acme Again", "INS-1", "1400"],
        ["New One", "UPS-1", "5"],
        ["New One Again", "UPS-1", "6"],
      ],
      { mode: "upsert", matchField: "code" },
    );
    expect(done.progress).toMatchObject({ processed: 3, created: 1, updated: 2, failed: 0 });
    expect(await countRecords(w.admin, "vendor")).toBe(before + 1);
    const vendors = await vendorsByCode(w.admin);
    expect(vendors.get("INS-1")).toMatchObject({ name: "Acme Again", employees: 1400 });
    expect(vendors.get("UPS-1")).toMatchObject({ name: "New One Again", employees: 6, version: 2 });
  });

  it("only updates records the user may see and change", async () => {
    const adminVendor = await created(w.admin, "vendor", { name: "Admin's", code: "ADM-1" });
    const done = await importRows(
      [
        ["Vendor Code", "Vendor Name"],
        ["ADM-1", "Taken over"],
      ],
      { mode: "update", matchField: "code" },
    );
    expect(done.progress).toMatchObject({ updated: 0, failed: 1 });
    const read = await w.admin.get(`/api/v1/records/vendor/${adminVendor}`);
    expect(read.body).toMatchObject({ name: "Admin's", version: 1 });
  });
});

describe("a dry run", () => {
  it("counts what would be created, updated and refused, with the first errors, and writes nothing", async () => {
    const before = await vendorsByCode(w.admin);
    const uploaded = await upload(
      w.importer,
      "vendor",
      "dry.csv",
      csv([
        ["Vendor Name", "Vendor Code", "Employees", "Tier"],
        ["Acme Dry", "INS-1", "1", "gold"],
        ["Fresh", "DRY-1", "2", ""],
        ["Fresh Twice", "DRY-1", "3", ""],
        ["Bad", "DRY-2", "-1", "platinum"],
        ["", "", "", ""],
      ]),
    );
    const id = uploaded.body.id;
    expectProblem(await w.importer.post(`/api/v1/imports/${id}/dry-run`, {}), 409);
    const settings = {
      mapping: uploaded.body.suggestedMapping,
      mode: "upsert",
      matchField: "code",
      automation: true,
    };
    expect((await w.importer.put(`/api/v1/imports/${id}/settings`, settings)).status).toBe(200);
    const dry = await w.importer.post<ImportView>(`/api/v1/imports/${id}/dry-run`, {});
    expect(dry.status).toBe(200);
    expect(dry.body.status).toBe("mapped");
    expect(dry.body.dryRun).toEqual({
      wouldCreate: 1,
      wouldUpdate: 2,
      wouldFail: 1,
      errors: [{ row: 4, column: "Tier", message: expect.stringContaining('"platinum" is not an option') }],
    });
    expect(await vendorsByCode(w.admin)).toEqual(before);
    expect((await w.importer.get<ImportView>(`/api/v1/imports/${id}`)).body.dryRun).toEqual(dry.body.dryRun);
  });

  it("reports unique values taken by stored records or by earlier rows, as the run would", async () => {
    const uploaded = await upload(
      w.importer,
      "vendor",
      "dry2.csv",
      csv([
        ["Vendor Name", "Vendor Code"],
        ["Taken", "INS-2"],
        ["First", "DRY-3"],
        ["Second", "DRY-3"],
      ]),
    );
    const id = uploaded.body.id;
    const settings = { mapping: uploaded.body.suggestedMapping, mode: "insert", automation: true };
    expect((await w.importer.put(`/api/v1/imports/${id}/settings`, settings)).status).toBe(200);
    const dry = await w.importer.post<ImportView>(`/api/v1/imports/${id}/dry-run`, {});
    expect(dry.body.dryRun).toEqual({
      wouldCreate: 1,
      wouldUpdate: 0,
      wouldFail: 2,
      errors: [
        { row: 1, column: "Vendor Code", message: 'Another record already has this "code".' },
        { row: 3, column: "Vendor Code", message: 'Row 2 has the same "code".' },
      ],
    });
  });
});

describe("an import's life", () => {
  it("is cancelled at the next batch; rows written stay written and are counted", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`Bulk ${i + 1}`, `BULK-${i + 1}`]);
    const uploaded = await upload(
      w.importer,
      "vendor",
      "bulk.csv",
      csv([["Vendor Name", "Vendor Code"], ...rows]),
    );
    const id = uploaded.body.id;
    const settings = { mapping: uploaded.body.suggestedMapping, mode: "insert", automation: false };
    expect((await w.importer.put(`/api/v1/imports/${id}/settings`, settings)).status).toBe(200);
    expect((await w.importer.post(`/api/v1/imports/${id}/run`, {})).status).toBe(202);
    expectProblem(await w.importer.post(`/api/v1/imports/${id}/run`, {}), 409);
    await waitForImport(w.importer, id, (view) => view.progress.processed > 0);
    const cancelled = await w.importer.post<ImportView>(`/api/v1/imports/${id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe("cancelled");
    // The job notices at its next checkpoint and adds the batch it was writing: wait until the
    // rows in the store and the import's count agree, twice in a row.
    const settled = async () => {
      const view = (await w.importer.get<ImportView>(`/api/v1/imports/${id}`)).body;
      const landed = [...(await vendorsByCode(w.admin)).keys()].filter((code) => code.startsWith("BULK-"));
      return { view, landed: landed.length };
    };
    let last = await settled();
    for (let i = 0; i < 60; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const now = await settled();
      const agreed = now.landed === now.view.progress.created && now.landed === last.landed;
      last = now;
      if (agreed) break;
    }
    const final = last.view;
    expect(final.status).toBe("cancelled");
    expect(final.progress.processed).toBeLessThan(3000);
    expect(final.progress.finishedAt).toEqual(expect.any(String));
    expect(last.landed).toBe(final.progress.created);
    expect(final.progress.created).toBe(final.progress.processed);
    expectProblem(await w.importer.post(`/api/v1/imports/${id}/cancel`, {}), 409);
    expectProblem(await w.importer.post(`/api/v1/imports/${id}/run`, {}), 409);
  }, 60_000);

  it("refuses to run an import that is not mapped", async () => {
    const uploaded = await upload(w.importer, "vendor", "x.csv", "Vendor Name\nA\n");
    const problem = expectProblem(await w.importer.post(`/api/v1/imports/${uploaded.body.id}/run`, {}), 409);
    expect(problem.title).toBe("Map the file's columns first");
    expect((await w.importer.get<ImportView>(`/api/v1/imports/${uploaded.body.id}`)).body.status).toBe(
      "uploaded",
    );
  });
});
