import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../support/problem-assertions.js";
import { csv, type ImportView, type ImportWorld, startImportWorld, upload } from "./import-fixture.js";

let w: ImportWorld;

const importsDir = () => join(w.t.dataDir, "imports", "demo");
/** Files under the tenant's imports folder: a refused upload leaves none behind. */
const storedFiles = () => (existsSync(importsDir()) ? readdirSync(importsDir()).sort() : []);
const listed = async (client = w.importer) =>
  (await client.get<{ imports: ImportView[] }>("/api/v1/imports?object=vendor")).body.imports.map(
    (i) => i.id,
  );

/** Asserts a refused upload left no file and no import. */
const nothingStored = async (filesBefore: string[], importsBefore: string[]) => {
  expect(storedFiles()).toEqual(filesBefore);
  expect(await listed()).toEqual(importsBefore);
};

beforeAll(async () => {
  w = await startImportWorld();
});

afterAll(async () => {
  await w?.close();
});

describe("uploading a CSV file", () => {
  it("stores it, reads headers, row count and the first 20 rows, and suggests a mapping from labels", async () => {
    const rows = Array.from({ length: 25 }, (_, i) => [`Vendor ${i + 1}`, `V-${i + 1}`, "金牌", "ignored"]);
    const file = `\uFEFF${csv([["供应商名称", "vendor code", "Tier", "Notes"], ...rows])}\r\n`;
    const response = await upload(w.importer, "vendor", "供应商.csv", file);
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe(`/api/v1/imports/${response.body.id}`);
    const view = response.body;
    expect(view).toMatchObject({
      object: "vendor",
      fileName: "供应商.csv",
      format: "csv",
      status: "uploaded",
      createdBy: w.importerId,
      headers: ["供应商名称", "vendor code", "Tier", "Notes"],
      totalRows: 25,
      progress: { processed: 0, created: 0, updated: 0, failed: 0, skipped: 0, percent: 0, rowsPerSecond: 0 },
    });
    expect(view.preview).toHaveLength(20);
    expect(view.preview[0]).toEqual(["Vendor 1", "V-1", "金牌", "ignored"]);
    expect(view.suggestedMapping).toEqual([
      { column: "供应商名称", field: "name" },
      { column: "vendor code", field: "code" },
      { column: "Tier", field: "tier" },
      { column: "Notes", field: null },
    ]);
    // Stored as UTF-8 without the BOM, under the data dir.
    const stored = await readFile(join(importsDir(), `${view.id}.csv`), "utf8");
    expect(stored.startsWith("供应商名称,")).toBe(true);
    const read = await w.importer.get<ImportView>(`/api/v1/imports/${view.id}`);
    expect(read.body).toEqual(view);
  });

  it("recognises a semicolon-separated file", async () => {
    const response = await upload(w.importer, "vendor", "semi.csv", "Name;Code\nA;1\nB;2\n");
    expect(response.status).toBe(201);
    expect(response.body.headers).toEqual(["Name", "Code"]);
    expect(response.body.preview).toEqual([
      ["A", "1"],
      ["B", "2"],
    ]);
  });

  it("names empty header cells by position and numbers repeated ones", async () => {
    const response = await upload(w.importer, "vendor", "odd.csv", "Name,,Name\nA,b,c\n");
    expect(response.status).toBe(201);
    expect(response.body.headers).toEqual(["Name", "Column 2", "Name (2)"]);
  });

  it("reads GB18030 text when the upload says so", async () => {
    // "名称,编号\n张三,1\n" in GB18030, as Chinese editions of Excel save "CSV".
    const gb = Buffer.from("c3fbb3c62cb1e0bac50ad5c5c8fd2c310a", "hex");
    const response = await upload(w.importer, "vendor", "gbk.csv", gb, { encoding: "gb18030" });
    expect(response.status).toBe(201);
    expect(response.body.headers).toEqual(["名称", "编号"]);
    expect(response.body.preview).toEqual([["张三", "1"]]);
  });

  it("refuses text that is not UTF-8, saying how to fix it", async () => {
    const [files, imports] = [storedFiles(), await listed()];
    const gb = Buffer.from("c3fbb3c62cb1e0bac50ad5c5c8fd2c310a", "hex");
    const problem = expectProblem(await upload(w.importer, "vendor", "gbk.csv", gb), 422);
    expect(problem.errors).toEqual([
      { path: "/file", code: "import.encoding", message: expect.stringContaining("gb18030") },
    ]);
    await nothingStored(files, imports);
  });
});

describe("uploading a workbook", () => {
  it("imports the first sheet: dates as dates, rich text and formulas as what they show", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Vendors");
    sheet.addRow(["Vendor Name", "Partner Since", "Last Audit", "Revenue", "Preferred", "Note"]);
    sheet.addRow([
      "Acme",
      new Date(Date.UTC(2026, 10, 26)),
      new Date(Date.UTC(2026, 10, 26, 10, 30)),
      1234.5,
      true,
      { richText: [{ text: "rich " }, { text: "text" }] },
    ]);
    sheet.addRow([]);
    sheet.addRow(["Beta", 46352, null, { formula: "1+1", result: 2 }, false, "x,y"]);
    workbook.addWorksheet("Other").addRow(["not", "imported"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const response = await upload(w.importer, "vendor", "vendors.xlsx", bytes);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      format: "xlsx",
      headers: ["Vendor Name", "Partner Since", "Last Audit", "Revenue", "Preferred", "Note"],
      totalRows: 2,
      preview: [
        ["Acme", "2026-11-26", "2026-11-26T10:30:00", "1234.5", "true", "rich text"],
        ["Beta", "46352", "", "2", "false", "x,y"],
      ],
    });
    expect(storedFiles()).toEqual(
      expect.arrayContaining([`${response.body.id}.xlsx`, `${response.body.id}.csv`]),
    );
  });

  it("refuses a file named .xlsx that is not a workbook", async () => {
    const [files, imports] = [storedFiles(), await listed()];
    const problem = expectProblem(await upload(w.importer, "vendor", "fake.xlsx", "a,b\n1,2\n"), 415);
    expect(problem.errors[0]?.code).toBe("import.unsupportedFile");
    await nothingStored(files, imports);
  });

  it("refuses a zip that is not a workbook", async () => {
    const [files, imports] = [storedFiles(), await listed()];
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    expectProblem(await upload(w.importer, "vendor", "broken.xlsx", zip), 422);
    expectProblem(await upload(w.importer, "vendor", "letter.docx", zip), 415);
    await nothingStored(files, imports);
  });
});

describe("files that cannot be imported", () => {
  it("refuses an empty file, a file without a header, and a header without rows", async () => {
    const [files, imports] = [storedFiles(), await listed()];
    const code = async (content: string) =>
      expectProblem(await upload(w.importer, "vendor", "x.csv", content), 422).errors[0]?.code;
    expect(await code("")).toBe("import.emptyFile");
    expect(await code("\n\r\n")).toBe("import.emptyFile");
    expect(await code(",,\nA,B,C\n")).toBe("import.noHeader");
    expect(await code("Name,Code\r\n")).toBe("import.noRows");
    await nothingStored(files, imports);
  });

  it("refuses other file types: images, PDFs, legacy workbooks, binary data", async () => {
    const [files, imports] = [storedFiles(), await listed()];
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    expectProblem(await upload(w.importer, "vendor", "logo.png", png), 415);
    expectProblem(await upload(w.importer, "vendor", "report.pdf", "%PDF-1.7 text"), 415);
    expectProblem(await upload(w.importer, "vendor", "old.xls", Buffer.from("d0cf11e0a1b11ae1", "hex")), 415);
    expectProblem(await upload(w.importer, "vendor", "data.json", '{"a":1}'), 415);
    const binary = expectProblem(
      await upload(w.importer, "vendor", "data.csv", Buffer.from([0x41, 0x00, 0x42])),
      415,
    );
    expect(binary.errors[0]?.code).toBe("import.notText");
    await nothingStored(files, imports);
  });

  it("refuses a CSV with a quote that never ends", async () => {
    const [files, imports] = [storedFiles(), await listed()];
    const problem = expectProblem(await upload(w.importer, "vendor", "q.csv", 'Name\n"never ends\n'), 422);
    expect(problem.errors[0]?.code).toBe("import.invalidCsv");
    await nothingStored(files, imports);
  });

  it("refuses a file over 100 MB with 413, keeping nothing of it", async () => {
    const [files, imports] = [storedFiles(), await listed()];
    const line = `${"x".repeat(1023)}\n`;
    const big = Buffer.from(`Name\n${line.repeat(100 * 1024 + 1)}`);
    const problem = expectProblem(await upload(w.importer, "vendor", "big.csv", big), 413);
    expect(problem.errors[0]).toMatchObject({ path: "/file", code: "import.tooLarge" });
    await nothingStored(files, imports);
  }, 60_000);

  it("refuses a body that is not a multipart form, and a form without a file", async () => {
    const [files, imports] = [storedFiles(), await listed()];
    expectProblem(await w.importer.post("/api/v1/imports", { object: "vendor" }), 415);
    const form = new FormData();
    form.append("object", "vendor");
    const response = await fetch(`${w.importer.baseUrl}/api/v1/imports`, {
      method: "POST",
      headers: { authorization: `Bearer ${w.importer.token}` },
      body: form,
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: Array<{ code: string }> }).errors[0]?.code).toBe(
      "import.noFile",
    );
    expectProblem(await upload(w.importer, "vendor", "e.csv", "a\n1\n", { encoding: "latin1" }), 422);
    await nothingStored(files, imports);
  });
});

describe("who may upload", () => {
  it("refuses a user who may neither create nor change the object's records (403)", async () => {
    const [files, imports] = [storedFiles(), await listed(w.viewer)];
    const problem = expectProblem(await upload(w.viewer, "vendor", "v.csv", "Name\nA\n"), 403);
    expect(problem.title).toBe("You may not import vendor records");
    expect(storedFiles()).toEqual(files);
    expect(await listed(w.viewer)).toEqual(imports);
  });

  it("answers an object the user cannot read, or none, as it answers an unknown one", async () => {
    const [files, imports] = [storedFiles(), await listed()];
    expectProblem(await upload(w.viewer, "account", "a.csv", "Name\nA\n"), 404);
    expectProblem(await upload(w.importer, "nothing", "a.csv", "Name\nA\n"), 404);
    expectProblem(await upload(w.importer, undefined, "a.csv", "Name\nA\n"), 422);
    await nothingStored(files, imports);
  });

  it("takes the object after the file too, checking it once the file is in", async () => {
    const send = async (client: typeof w.importer) => {
      const form = new FormData();
      form.append("file", new Blob(["Vendor Name\nLate\n"]), "late.csv");
      form.append("object", "vendor");
      const response = await fetch(`${client.baseUrl}/api/v1/imports`, {
        method: "POST",
        headers: { authorization: `Bearer ${client.token}` },
        body: form,
      });
      return { status: response.status, body: (await response.json()) as ImportView };
    };
    const accepted = await send(w.importer);
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ object: "vendor", totalRows: 1, headers: ["Vendor Name"] });
    const [files, imports] = [storedFiles(), await listed(w.viewer)];
    expect((await send(w.viewer)).status).toBe(403);
    expect(storedFiles()).toEqual(files);
    expect(await listed(w.viewer)).toEqual(imports);
  });

  it("refuses anonymous uploads", async () => {
    expectProblem(await upload(w.t.anonymous(), "vendor", "a.csv", "Name\nA\n"), 401);
  });

  it("keeps each import its owner's: another user gets 404 everywhere and does not see it listed", async () => {
    const mine = (await upload(w.importer, "vendor", "mine.csv", "Name\nA\n")).body.id;
    const path = `/api/v1/imports/${mine}`;
    expectProblem(await w.admin.get(path), 404);
    expectProblem(await w.admin.put(`${path}/settings`, { mapping: [], mode: "insert" }), 404);
    expectProblem(await w.admin.post(`${path}/dry-run`, {}), 404);
    expectProblem(await w.admin.post(`${path}/run`, {}), 404);
    expectProblem(await w.admin.post(`${path}/cancel`, {}), 404);
    expectProblem(await w.admin.get(`${path}/errors.csv`), 404);
    expectProblem(await w.admin.delete(path), 404);
    expect(await listed(w.admin)).not.toContain(mine);
    const still = await w.importer.get<ImportView>(path);
    expect(still.body).toMatchObject({ status: "uploaded" });
    expect(still.body.settings).toBeUndefined();
  });

  it("lists the caller's imports newest first, by object, with a cursor", async () => {
    const all = await listed();
    expect(all.length).toBeGreaterThan(3);
    expect([...all].sort().reverse()).toEqual(all);
    const page = await w.importer.get<{ imports: ImportView[]; nextCursor: string }>(
      "/api/v1/imports?object=vendor&limit=2",
    );
    expect(page.body.imports.map((i) => i.id)).toEqual(all.slice(0, 2));
    const next = await w.importer.get<{ imports: ImportView[] }>(
      `/api/v1/imports?object=vendor&limit=2&cursor=${page.body.nextCursor}`,
    );
    expect(next.body.imports.map((i) => i.id)).toEqual(all.slice(2, 4));
    expect(
      (await w.importer.get<{ imports: ImportView[] }>("/api/v1/imports?object=account")).body.imports,
    ).toEqual([]);
  });

  it("deletes an import with its files", async () => {
    const id = (await upload(w.importer, "vendor", "gone.csv", "Name\nA\n")).body.id;
    expect(storedFiles()).toContain(`${id}.csv`);
    expect((await w.importer.delete(`/api/v1/imports/${id}`)).status).toBe(204);
    expect(storedFiles()).not.toContain(`${id}.csv`);
    expectProblem(await w.importer.get(`/api/v1/imports/${id}`), 404);
  });
});
