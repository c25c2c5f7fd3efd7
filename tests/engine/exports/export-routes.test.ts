import type { ListView, ObjectDefinition } from "@tessera/metadata";
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  checkbox,
  currency,
  date,
  datetime,
  lookup,
  option,
  percent,
  picklist,
  text,
} from "../../metadata/builders.js";
import { create, createUser, publish } from "../../security/support/org-admin.js";
import { profile } from "../../security/support/security-documents.js";
import type { ApiClient } from "../support/api-client.js";
import { anObject } from "../support/object-builder.js";
import { expectProblem } from "../support/problem-assertions.js";
import { startTestServer, type TestServer } from "../support/test-server.js";
import { asResponse, csvRows, download, listAll, shownAs, xlsxRows, xlsxSheet } from "./export-support.js";

type Json = Record<string, unknown>;

const DEAL: ObjectDefinition = {
  ...anObject("exportDeal")
    .withField(
      text("name", { label: { en: "Deal name", "zh-CN": "交易名称" } }),
      picklist("stage", {
        label: { en: "Stage", "zh-CN": "阶段" },
        options: [option("open", "Open", "进行中"), option("won", "Closed won", "赢单")],
      }),
      currency("amount", { label: { en: "Amount", "zh-CN": "金额" }, scale: 2 }),
      percent("probability", { label: { en: "Probability", "zh-CN": "可能性" } }),
      date("closeDate", { label: { en: "Close date", "zh-CN": "结束日期" } }),
      datetime("reviewedAt", { label: { en: "Reviewed", "zh-CN": "审核时间" } }),
      checkbox("hot", { label: { en: "Hot", "zh-CN": "重点" } }),
      lookup("account", { reference: "account", label: { en: "Account", "zh-CN": "客户" } }),
      text("note", { label: { en: "Note", "zh-CN": "备注" } }),
      text("secret", { label: { en: "Secret", "zh-CN": "机密" } }),
    )
    .build(),
  label: { en: "Export deal", "zh-CN": "导出交易" },
  pluralLabel: { en: "Export deals", "zh-CN": "导出交易" },
};
const REP_FIELDS = [
  "name",
  "stage",
  "amount",
  "probability",
  "closeDate",
  "reviewedAt",
  "hot",
  "account",
  "note",
];
const SECRET = "TOPSECRET-7781";

const OPEN_DEALS: ListView = {
  kind: "listView",
  name: "exportOpenDeals",
  object: "exportDeal",
  label: { en: "Open deals" },
  columns: ["name", "amount", "secret", "ownerId"],
  filter: { "==": [{ var: "stage" }, "open"] },
  sort: [{ field: "amount", direction: "desc" }],
};

const ALL_FIELDS = "name,stage,amount,probability,closeDate,reviewedAt,hot,account,note,ownerId";
const EN = { locale: "en", timeZone: "UTC" } as const;
const path = (query: string) => `/api/v1/records/exportDeal/export?${query}`;

let t: TestServer;
let rep: ApiClient;
let repZh: ApiClient;
let repId: string;
let adminId: string;
const userNames = new Map<string, string>();

const ADMIN_ZONE = "America/New_York";

const setTimeZone = async (userId: string, timeZone: string) => {
  const user = await t.admin.get<Json>(`/api/v1/records/user/${userId}`);
  const patched = await t.admin.patch(
    `/api/v1/records/user/${userId}`,
    { timeZone },
    Number(user.body.version),
  );
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
};

const auditEvents = async (): Promise<Json[]> => {
  const listed = await t.admin.get<{ events: Json[] }>("/api/v1/audit?limit=200");
  expect(listed.status).toBe(200);
  return listed.body.events.filter((e) => e.type === "records.exported");
};

beforeAll(async () => {
  t = await startTestServer();
  await publish(t.admin, [
    DEAL,
    OPEN_DEALS,
    profile("exportRep", {
      objects: {
        exportDeal: { create: true, read: true, edit: true, delete: true },
        account: { create: true, read: true },
        user: { read: true },
      },
      fields: {
        exportDeal: Object.fromEntries(REP_FIELDS.map((f) => [f, { read: true, edit: true }])),
        account: { name: { read: true, edit: true } },
        user: { name: { read: true } },
      },
    }),
  ]);
  const bootstrap = await t.admin.get<{ user: { id: string; name: string } }>("/api/v1/ui/bootstrap");
  adminId = bootstrap.body.user.id;
  userNames.set(adminId, bootstrap.body.user.name);
  await setTimeZone(adminId, ADMIN_ZONE);
  const one = await createUser(t.admin, "demo", { username: "exportRep1", profile: "exportRep" });
  const two = await createUser(t.admin, "demo", { username: "exportRep2", profile: "exportRep" });
  rep = one.client;
  repId = one.id;
  repZh = two.client;
  userNames.set(one.id, "exportRep1");
  userNames.set(two.id, "exportRep2");
  expect((await repZh.put("/api/v1/ui/preferences", { locale: "zh-CN" })).status).toBe(200);
  await setTimeZone(two.id, "Asia/Shanghai");

  const hiddenAccount = await create(t.admin, "account", { name: "Hidden Holdings" });
  const repAccount = await create(rep, "account", { name: "Rep Co" });
  await create(t.admin, "exportDeal", {
    name: "Alpha",
    stage: "won",
    amount: 1234.5,
    probability: 12.5,
    closeDate: "2027-06-30",
    reviewedAt: "2027-06-30T09:30:00.000Z",
    hot: true,
    account: hiddenAccount,
    note: "first",
    secret: SECRET,
  });
  await create(t.admin, "exportDeal", {
    name: "Bravo",
    stage: "open",
    amount: -20,
    hot: false,
    secret: SECRET,
  });
  await create(t.admin, "exportDeal", { name: "Charlie", stage: "open", amount: 500 });
  await create(rep, "exportDeal", { name: "Delta", stage: "open", amount: 300, account: repAccount });
  await create(rep, "exportDeal", { name: "=1+2", stage: "won", amount: 50, note: "@SUM(A1:A2)" });
  await create(rep, "exportDeal", { name: "+cmd", stage: "open", note: "-2+3" });
  const foxtrot = await create(t.admin, "exportDeal", {
    name: "Foxtrot",
    stage: "open",
    amount: 70,
    account: hiddenAccount,
  });
  expect(
    (await t.admin.post(`/api/v1/records/exportDeal/${foxtrot}/owner`, { ownerId: one.id })).status,
  ).toBe(200);
  await create(repZh, "exportDeal", {
    name: "高尔夫",
    stage: "won",
    amount: 1000,
    hot: true,
    reviewedAt: "2027-06-30T20:30:00.000Z",
  });
}, 120_000);

afterAll(async () => t?.close());

describe("CSV export: the list API's records as the runtime shows them", () => {
  it("has one row per record of the same query, each cell the list value as displayed", async () => {
    const query = `fields=${ALL_FIELDS}&sort=name`;
    const rows = csvRows(await download(t.admin, path(`format=csv&${query}`)));
    const listed = await listAll(t.admin, "exportDeal", query);
    const columns = ALL_FIELDS.split(",");
    expect(rows[0]).toEqual([
      "Deal name",
      "Stage",
      "Amount",
      "Probability",
      "Close date",
      "Reviewed",
      "Hot",
      "Account",
      "Note",
      "Owner",
    ]);
    expect(rows.slice(1)).toEqual(
      listed.map((record) =>
        columns.map((c) => shownAs(DEAL, record, c, { locale: "en", timeZone: ADMIN_ZONE }, userNames)),
      ),
    );
    expect(rows).toHaveLength(9);
  });

  it("writes picklist labels, amounts, dates, Yes/No, lookup and owner names", async () => {
    const rows = csvRows(
      await download(t.admin, path(`fields=${ALL_FIELDS}&filter=${filterOn("name", "Alpha")}`)),
    );
    expect(rows[1]).toEqual([
      "Alpha",
      "Closed won",
      "CN¥1,234.50",
      "12.5%",
      "Jun 30, 2027",
      expect.stringMatching(/^Jun 30, 2027, 5:30\sAM$/),
      "Yes",
      "Hidden Holdings",
      "first",
      userNames.get(adminId),
    ]);
  });

  it("defaults to CSV, names the file after the object and the day, and says it is an attachment", async () => {
    const file = await download(t.admin, path("fields=name"));
    expect(file.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(file.headers.get("content-disposition")).toMatch(
      /^attachment; filename="exportDeal-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''Export%20deals%20\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect(file.headers.get("cache-control")).toBe("no-store");
  });

  it("exports a list view: its columns, filter and sort, as the runtime asks the list API", async () => {
    const rows = csvRows(await download(t.admin, path("view=exportOpenDeals")));
    const listed = await listAll(
      t.admin,
      "exportDeal",
      `filter=${encodeURIComponent(JSON.stringify(OPEN_DEALS.filter))}&sort=-amount&fields=name,amount,secret`,
    );
    expect(rows[0]).toEqual(["Deal name", "Amount", "Secret", "Owner"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(listed.map((r) => shownAs(DEAL, r, "name", EN)));
    expect(rows.slice(1).map((r) => r[0])).toEqual(["Charlie", "Delta", "Foxtrot", "Bravo", "'+cmd"]);
  });

  it("narrows a list view further with the caller's filter and search", async () => {
    const rows = csvRows(
      await download(t.admin, path(`view=exportOpenDeals&q=ha&filter=${filterOn("amount", 100, ">")}`)),
    );
    expect(rows.slice(1).map((r) => r[0])).toEqual(["Charlie"]);
  });

  it("guards text cells against formula injection, but not the numbers it formatted itself", async () => {
    const rows = csvRows(await download(rep, path("fields=name,amount,note&sort=name")));
    expect(rows).toContainEqual(["'+cmd", "", "'-2+3"]);
    expect(rows).toContainEqual(["'=1+2", "CN¥50.00", "'@SUM(A1:A2)"]);
    const admin = csvRows(
      await download(t.admin, path(`fields=name,amount&filter=${filterOn("name", "Bravo")}`)),
    );
    expect(admin[1]).toEqual(["Bravo", "-CN¥20.00"]);
  });
});

describe("XLSX export: typed cells, bold frozen header", () => {
  let sheet: ExcelJS.Worksheet;
  let listed: Json[];
  beforeAll(async () => {
    const query = `fields=${ALL_FIELDS}&sort=name`;
    const file = await download(t.admin, path(`format=xlsx&${query}`));
    expect(file.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(file.headers.get("content-disposition")).toMatch(/filename="exportDeal-\d{4}-\d{2}-\d{2}\.xlsx"/);
    sheet = await xlsxSheet(file);
    listed = await listAll(t.admin, "exportDeal", query);
  });

  it("has the records of the list API's same query, in its order", () => {
    const rows = xlsxRows(sheet);
    expect(rows).toHaveLength(listed.length + 1);
    expect(rows.slice(1).map((r) => r[0])).toEqual(listed.map((r) => r.name));
  });

  it("keeps numbers and dates typed, with number formats", () => {
    const alpha = sheet.getRow(xlsxRows(sheet).findIndex((r) => r[0] === "Alpha") + 1);
    expect(alpha.getCell(2).value).toBe("Closed won");
    expect(alpha.getCell(3).value).toBe(1234.5);
    expect(alpha.getCell(3).numFmt).toBe('"CN¥"#,##0.00');
    expect(alpha.getCell(4).value).toBe(12.5);
    expect(alpha.getCell(4).numFmt).toBe('0.00"%"');
    expect(alpha.getCell(5).value).toEqual(new Date("2027-06-30T00:00:00.000Z"));
    expect(alpha.getCell(5).numFmt).toBe("yyyy-mm-dd");
    // 09:30 UTC on the admin's New York clock.
    expect(alpha.getCell(6).value).toEqual(new Date("2027-06-30T05:30:00.000Z"));
    expect(alpha.getCell(6).numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(alpha.getCell(7).value).toBe("Yes");
    expect(alpha.getCell(8).value).toBe("Hidden Holdings");
  });

  it("writes text that looks like a formula as a text cell, never a formula", () => {
    const row = sheet.getRow(xlsxRows(sheet).findIndex((r) => r[0] === "=1+2") + 1);
    expect(row.getCell(1).value).toBe("=1+2");
    expect(row.getCell(1).formula).toBeUndefined();
    expect(row.getCell(9).value).toBe("@SUM(A1:A2)");
  });

  it("has a bold header of labels, frozen, and column widths", () => {
    expect(sheet.getRow(1).getCell(1).value).toBe("Deal name");
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(20);
    expect(sheet.getColumn(5).width).toBe(12);
    expect(sheet.name).toBe("Export deals");
  });
});

describe("exports hold only what the caller may see", () => {
  it("a rep's export has exactly their visible records, as their list does", async () => {
    const rows = csvRows(await download(rep, path("fields=name&sort=name")));
    const listed = await listAll(rep, "exportDeal", "fields=name&sort=name");
    expect(rows.slice(1).map((r) => r[0])).toEqual(listed.map((r) => shownAs(DEAL, r, "name", EN)));
    expect(rows.slice(1).map((r) => r[0])).toEqual(["'+cmd", "'=1+2", "Delta", "Foxtrot"]);
  });

  it("names a lookup only when the caller may see the record, showing its id otherwise", async () => {
    const rows = csvRows(
      await download(rep, path(`fields=name,account,ownerId&filter=${filterOn("stage", "open")}&sort=name`)),
    );
    const [foxtrot] = await listAll(
      rep,
      "exportDeal",
      `fields=account&filter=${filterOn("name", "Foxtrot")}`,
    );
    const account = foxtrot?.account as { id: string; name?: string };
    expect(account).toEqual({ id: expect.any(String) });
    expect(rows).toContainEqual(["Foxtrot", account.id, "exportRep1"]);
    expect(rows).toContainEqual(["Delta", "Rep Co", "exportRep1"]);
    expect(rows.flat()).not.toContain("Hidden Holdings");
  });

  it("refuses a hidden field named in fields= exactly as the list API does", async () => {
    const exported = expectProblem(asResponse(await download(rep, path("fields=name,secret"))), 400);
    const listed = expectProblem(await rep.get("/api/v1/records/exportDeal?fields=name,secret"), 400);
    expect(exported.errors).toEqual(listed.errors);
    expect(exported.errors).toEqual([
      { path: "/fields/1", code: "fields.unknown", message: '"exportDeal" has no field "secret".' },
    ]);
  });

  it("refuses a filter or sort on a hidden field as on an unknown one", async () => {
    const filtered = expectProblem(
      asResponse(await download(rep, path(`filter=${filterOn("secret", SECRET)}`))),
      400,
    );
    const unknown = expectProblem(
      asResponse(await download(rep, path(`filter=${filterOn("nothing", SECRET)}`))),
      400,
    );
    expect(JSON.stringify(filtered.errors).replaceAll("secret", "<f>")).toBe(
      JSON.stringify(unknown.errors).replaceAll("nothing", "<f>"),
    );
    const sorted = expectProblem(asResponse(await download(rep, path("sort=secret"))), 400);
    expect(sorted.errors).toEqual([expect.objectContaining({ path: "/sort/0", code: "sort.unknownField" })]);
  });

  it("leaves a hidden column of a list view out of the file", async () => {
    const file = await download(rep, path("view=exportOpenDeals"));
    const rows = csvRows(file);
    expect(rows[0]).toEqual(["Deal name", "Amount", "Owner"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["Delta", "Foxtrot", "'+cmd"]);
    expect(file.bytes.toString("utf8")).not.toContain(SECRET);
  });

  it("leaves hidden fields out of the default columns, in CSV and XLSX", async () => {
    const csv = await download(rep, path("format=csv"));
    expect(csvRows(csv)[0]).toEqual([
      "Deal name",
      "Stage",
      "Amount",
      "Probability",
      "Close date",
      "Reviewed",
      "Hot",
      "Account",
      "Note",
      "Owner",
      "Created",
      "Last modified",
    ]);
    const sheet = await xlsxSheet(await download(rep, path("format=xlsx&fields=name")));
    expect(xlsxRows(sheet)[0]).toEqual(["Deal name"]);
    const adminDefault = csvRows(await download(t.admin, path("format=csv")));
    expect(adminDefault[0]).toContain("Secret");
  });

  it("answers 404 for an object the caller may not read, and 401 without a session", async () => {
    expectProblem(asResponse(await download(rep, "/api/v1/records/lead/export")), 404);
    expectProblem(asResponse(await download(t.anonymous(), path("format=csv"))), 401);
  });
});

describe("exports in the caller's language", () => {
  it("writes zh-CN headers, picklist labels, 是/否, amounts and the file name in Chinese", async () => {
    const file = await download(repZh, path("fields=name,stage,amount,hot,reviewedAt,ownerId"));
    const rows = csvRows(file);
    expect(rows).toEqual([
      ["交易名称", "阶段", "金额", "重点", "审核时间", "所有人"],
      ["高尔夫", "赢单", "¥1,000.00", "是", "2027年7月1日 04:30", "exportRep2"],
    ]);
    expect(file.headers.get("content-disposition")).toMatch(
      /filename\*=UTF-8''%E5%AF%BC%E5%87%BA%E4%BA%A4%E6%98%93%20\d{4}-\d{2}-\d{2}\.csv$/,
    );
  });

  it("writes a datetime on the caller's clock in XLSX", async () => {
    const sheet = await xlsxSheet(await download(repZh, path("format=xlsx&fields=name,reviewedAt")));
    expect(xlsxRows(sheet)).toEqual([
      ["交易名称", "审核时间"],
      ["高尔夫", new Date("2027-07-01T04:30:00.000Z")],
    ]);
    expect(sheet.name).toBe("导出交易");
  });
});

describe("bad export requests are refused before the file starts", () => {
  it("answers 400 naming every bad parameter together", async () => {
    const before = (await auditEvents()).length;
    const refused = expectProblem(
      asResponse(await download(t.admin, path("format=pdf&view=nope&filter=%7Bnot%20json&sort=name,name"))),
      400,
    );
    expect(refused.errors).toEqual([
      { path: "/format", code: "format.unknown", message: 'format is "csv" or "xlsx".' },
      { path: "/view", code: "view.unknown", message: '"exportDeal" has no list view "nope".' },
      expect.objectContaining({ path: "/filter", code: "filter.notJson" }),
      expect.objectContaining({ path: "/sort/1", code: "sort.duplicate" }),
    ]);
    expect((await auditEvents()).length).toBe(before);
  });

  it("refuses an export left without a column the caller may read", async () => {
    const refused = expectProblem(asResponse(await download(rep, path("fields=tenant"))), 400);
    expect(refused.errors).toEqual([expect.objectContaining({ path: "/fields", code: "export.noColumns" })]);
  });

  it("answers HEAD with the headers of the file and no rows, unaudited", async () => {
    const before = (await auditEvents()).length;
    const head = await fetch(`${t.admin.baseUrl}${path("format=xlsx")}`, {
      method: "HEAD",
      headers: { authorization: `Bearer ${t.admin.token}` },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-disposition")).toMatch(/^attachment; filename="exportDeal-/);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    expect((await auditEvents()).length).toBe(before);
  });

  it("refuses a list view of another object, an unknown scope and a bad filter with pointers", async () => {
    const refused = expectProblem(
      asResponse(
        await download(
          t.admin,
          path(
            `view=myLeads&scope=everyone&filter=${encodeURIComponent(JSON.stringify({ and: [{ "==": [{ var: "stage" }, 7] }] }))}`,
          ),
        ),
      ),
      400,
    );
    expect(refused.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(["/view", "/scope", expect.stringMatching(/^\/filter\/and\/0/)]),
    );
  });
});

describe("exports are audited", () => {
  it("records records.exported with the object, format and row count", async () => {
    const file = await download(rep, path("format=xlsx&fields=name"));
    expect(file.status).toBe(200);
    // Audited once the file is out: the client may have it a moment before the event is written.
    const latest = await vi.waitFor(async () => {
      const [event] = await auditEvents();
      expect(event?.details).toMatchObject({ format: "xlsx" });
      return event;
    });
    expect(latest).toMatchObject({
      type: "records.exported",
      actorId: repId,
      actorName: "exportRep1",
      target: { object: "exportDeal" },
      details: { format: "xlsx", rows: 4, complete: true },
    });
  });
});

const filterOn = (field: string, value: unknown, operator = "==") =>
  encodeURIComponent(JSON.stringify({ [operator]: [{ var: field }, value] }));
