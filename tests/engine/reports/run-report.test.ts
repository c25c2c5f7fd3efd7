import type { Report } from "@tessera/metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkbox,
  currency,
  date,
  datetime,
  lookup,
  number,
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

type Json = Record<string, unknown>;
interface ReportResult {
  name: string;
  label: string;
  object: string;
  groupings: Array<{ field: string; label: string; dateBucket?: string }>;
  measures: Array<{ operation: string; field?: string; label: string; format: string }>;
  rows: Array<{ keys: unknown[]; labels: string[]; values: Array<number | string | null> }>;
  totals: Array<number | string | null>;
  truncated: boolean;
}

const saleObject = anObject("sale")
  .withField(
    text("title"),
    picklist("stage", {
      label: { en: "Stage", "zh-CN": "阶段" },
      // Deliberately not alphabetical: groups follow the options' order.
      options: [
        option("prospect", "Prospect", "潜在"),
        option("proposal", "Proposal", "方案"),
        option("won", "Won", "赢单"),
        option("lost", "Lost", "输单"),
      ],
    }),
    currency("amount", { label: { en: "Amount", "zh-CN": "金额" } }),
    number("margin"),
    percent("probability"),
    date("closedOn", { label: { en: "Closed on", "zh-CN": "成交日期" } }),
    datetime("signedAt"),
    checkbox("paid"),
    lookup("account", { reference: "account", relationshipName: "sales" }),
    text("region"),
  )
  .named("title")
  .build();

const VISIBLE_TO_REPS = [
  "title",
  "stage",
  "amount",
  "probability",
  "closedOn",
  "signedAt",
  "paid",
  "account",
  "region",
];

const report = (name: string, spec: Partial<Report> & Pick<Report, "groupings" | "measures">): Report => ({
  kind: "report",
  name,
  label: { en: name },
  object: "sale",
  ...spec,
});

const sum = (field: string) => ({ operation: "sum" as const, field });
const count = { operation: "count" as const };
const REPORTS: Report[] = [
  report("saleByStage", {
    label: { en: "Sales by stage", "zh-CN": "按阶段销售" },
    groupings: [{ field: "stage" }],
    measures: [
      sum("amount"),
      count,
      { operation: "avg", field: "amount" },
      { operation: "min", field: "closedOn" },
      { operation: "max", field: "closedOn" },
    ],
  }),
  report("saleByMonth", {
    groupings: [{ field: "closedOn", dateBucket: "month" }],
    measures: [sum("amount")],
  }),
  report("saleByQuarter", { groupings: [{ field: "closedOn", dateBucket: "quarter" }], measures: [count] }),
  report("saleByYear", { groupings: [{ field: "closedOn", dateBucket: "year" }], measures: [count] }),
  report("saleByWeek", { groupings: [{ field: "signedAt", dateBucket: "week" }], measures: [count] }),
  report("saleByDay", { groupings: [{ field: "signedAt", dateBucket: "day" }], measures: [count] }),
  report("saleByPaid", { groupings: [{ field: "paid" }], measures: [count] }),
  report("saleByAccount", { groupings: [{ field: "account" }], measures: [sum("amount")] }),
  report("saleByOwner", { groupings: [{ field: "ownerId" }], measures: [count] }),
  report("saleMargin", { groupings: [{ field: "stage" }], measures: [sum("margin")] }),
  report("saleByMargin", { groupings: [{ field: "margin" }], measures: [count] }),
  report("saleWithMargin", {
    filter: { ">": [{ var: "margin" }, 25] },
    groupings: [],
    measures: [count],
  }),
  report("wonSales", {
    filter: { "==": [{ var: "stage" }, "won"] },
    groupings: [],
    measures: [sum("amount"), count],
  }),
  report("mySales", { scope: "mine", groupings: [{ field: "stage" }], measures: [count] }),
  report("topStages", {
    groupings: [{ field: "stage" }],
    measures: [sum("amount")],
    sort: { by: "measure", measure: 0, direction: "desc" },
    limit: 2,
  }),
  report("stagesDescending", {
    groupings: [{ field: "stage" }],
    measures: [count],
    sort: { by: "group", direction: "desc" },
  }),
  report("stageByPaid", {
    groupings: [{ field: "stage" }, { field: "paid" }],
    measures: [sum("amount"), count],
  }),
  report("saleTotals", {
    groupings: [],
    measures: [sum("amount"), count, { operation: "count", field: "amount" }],
  }),
];

let t: TestServer;
let rep: { id: string; client: ApiClient };
let other: { id: string; client: ApiClient };
let outsider: ApiClient;
const accounts: Record<string, string> = {};

const results = (client: ApiClient, name: string) =>
  client.get<ReportResult>(`/api/v1/reports/${name}/results`);

const resultOf = async (client: ApiClient, name: string): Promise<ReportResult> => {
  const got = await results(client, name);
  expect(got.status, JSON.stringify(got.body)).toBe(200);
  return got.body;
};

/** Every sale `client` may list, through the records API (the independent side of each check). */
const listedSales = async (client: ApiClient, filter?: unknown): Promise<Json[]> => {
  const query = filter === undefined ? "" : `&filter=${encodeURIComponent(JSON.stringify(filter))}`;
  const listed = await client.get<{ records: Json[] }>(`/api/v1/records/sale?limit=200${query}`);
  expect(listed.status).toBe(200);
  return listed.body.records;
};

const cents = (value: number) => Math.round(value * 100) / 100;

/** Per group key: the sum of `amount` (null when no record has one) and the number of records. */
const byKey = (records: readonly Json[], key: (r: Json) => unknown) => {
  const groups = new Map<unknown, { sum: number | null; count: number }>();
  for (const r of records) {
    const k = key(r) ?? null;
    const group = groups.get(k) ?? { sum: null, count: 0 };
    group.count += 1;
    if (typeof r.amount === "number") group.sum = cents((group.sum ?? 0) + r.amount);
    groups.set(k, group);
  }
  return groups;
};

beforeAll(async () => {
  t = await startTestServer();
  await publish(t.admin, [
    saleObject,
    profile("reportUser", {
      objects: {
        sale: { create: true, read: true, edit: true },
        account: { read: true },
        user: { read: true },
      },
      fields: {
        sale: Object.fromEntries(VISIBLE_TO_REPS.map((f) => [f, { read: true, edit: true }])),
        account: { name: { read: true } },
        user: { name: { read: true } },
      },
    }),
    ...REPORTS,
  ]);
  rep = await createUser(t.admin, "demo", { username: "report.rep", profile: "reportUser" });
  other = await createUser(t.admin, "demo", { username: "report.other", profile: "reportUser" });
  outsider = (await createUser(t.admin, "demo", { username: "report.outsider" })).client;
  expect((await other.client.put("/api/v1/ui/preferences", { locale: "zh-CN" })).status).toBe(200);

  accounts.alpha = await create(t.admin, "account", { name: "Alpha Reporting Ltd" });
  accounts.beta = await create(t.admin, "account", { name: "Beta Hidden Ltd" });
  const transfer = async (object: string, id: string, ownerId: string) =>
    expect((await t.admin.post(`/api/v1/records/${object}/${id}/owner`, { ownerId })).status).toBe(200);
  await transfer("account", accounts.alpha, rep.id);

  await create(rep.client, "sale", {
    title: "r1",
    stage: "prospect",
    amount: 100.1,
    probability: 10,
    closedOn: "2026-01-15",
    // Sunday 15:30 UTC (Monday morning in Shanghai): buckets are UTC days.
    signedAt: "2026-01-11T23:30:00+08:00",
    paid: true,
    account: accounts.alpha,
    region: "East",
  });
  await create(rep.client, "sale", {
    title: "r2",
    stage: "proposal",
    amount: 200.2,
    probability: 50,
    closedOn: "2026-02-10",
    signedAt: "2026-01-12T01:00:00+08:00",
    paid: false,
    account: accounts.alpha,
    region: "East",
  });
  // The rep's deal with an account they may not see: its name must not reach them.
  const r3 = await create(t.admin, "sale", {
    title: "r3",
    stage: "won",
    amount: 300.3,
    margin: 30,
    probability: 100,
    closedOn: "2026-02-28",
    signedAt: "2026-03-02T10:00:00Z",
    paid: true,
    account: accounts.beta,
    region: "West",
  });
  await transfer("sale", r3, rep.id);
  await create(other.client, "sale", {
    title: "o1",
    stage: "won",
    amount: 400.4,
    probability: 100,
    closedOn: "2026-04-01",
    region: "West",
  });
  await create(other.client, "sale", { title: "o2", stage: "lost", amount: 500, probability: 0 });
  await create(t.admin, "sale", {
    title: "a1",
    stage: "prospect",
    amount: 0.2,
    margin: 1,
    closedOn: "2026-12-31",
    signedAt: "2026-12-31T23:59:00Z",
    paid: false,
    account: accounts.beta,
    region: "North",
  });
  await create(t.admin, "sale", {
    title: "a2",
    stage: "won",
    closedOn: "2026-01-03",
    paid: true,
    region: "North",
  });
  // The margins the reps may not read, set by the admin.
  for (const [title, margin] of [
    ["r1", 10],
    ["r2", 20],
    ["o1", 40],
    ["o2", 50],
  ] as const) {
    const [sale] = await listedSales(t.admin, { "==": [{ var: "title" }, title] });
    const patched = await t.admin.patch(
      `/api/v1/records/sale/${sale?.id}`,
      { margin },
      Number(sale?.version),
    );
    expect(patched.status).toBe(200);
  }
}, 120_000);

afterAll(async () => t?.close());

describe("report results", () => {
  it("sums and counts per stage equal the figures of the records the admin lists, in option order", async () => {
    const result = await resultOf(t.admin, "saleByStage");
    const expected = byKey(await listedSales(t.admin), (r) => r.stage);
    expect(result.rows.map((r) => r.keys)).toEqual([["prospect"], ["proposal"], ["won"], ["lost"]]);
    expect(result.rows.map((r) => r.labels)).toEqual([["Prospect"], ["Proposal"], ["Won"], ["Lost"]]);
    for (const row of result.rows) {
      const group = expected.get(row.keys[0]);
      expect(row.values[0]).toBeCloseTo(group?.sum ?? Number.NaN, 6);
      expect(row.values[1]).toBe(group?.count);
    }
    expect(result.rows.map((r) => r.values[1])).toEqual([2, 1, 3, 1]);
  });

  it("describes the report, its groupings and its measures with their formats", async () => {
    const result = await resultOf(t.admin, "saleByStage");
    expect(result).toMatchObject({
      name: "saleByStage",
      label: "Sales by stage",
      object: "sale",
      groupings: [{ field: "stage", label: "Stage" }],
      measures: [
        { operation: "sum", field: "amount", label: "Sum of Amount", format: "currency" },
        { operation: "count", label: "Record count", format: "integer" },
        { operation: "avg", field: "amount", label: "Average Amount", format: "currency" },
        { operation: "min", field: "closedOn", label: "Min Closed on", format: "date" },
        { operation: "max", field: "closedOn", label: "Max Closed on", format: "date" },
      ],
      truncated: false,
    });
  });

  it("averages over records with a value, and takes the earliest and latest dates", async () => {
    const result = await resultOf(t.admin, "saleByStage");
    const won = result.rows.find((r) => r.keys[0] === "won");
    // r3 300.3 and o1 400.4; a2 has no amount and is left out of the average.
    expect(won?.values[2]).toBeCloseTo(350.35, 6);
    expect(won?.values.slice(3)).toEqual(["2026-01-03", "2026-04-01"]);
    const lost = result.rows.find((r) => r.keys[0] === "lost");
    expect(lost?.values.slice(3)).toEqual([null, null]);
  });

  it("totals count every matching record, not only the rows shown", async () => {
    const all = await listedSales(t.admin);
    const withAmount = all.filter((r) => typeof r.amount === "number");
    const total = cents(withAmount.reduce((s, r) => s + Number(r.amount), 0));
    const result = await resultOf(t.admin, "saleTotals");
    expect(result.totals[0]).toBeCloseTo(total, 6);
    expect(result.totals.slice(1)).toEqual([all.length, withAmount.length]);
    expect(result.rows).toEqual([{ keys: [], labels: [], values: result.totals }]);
  });

  it("rounds sums of amounts to their scale (no floating-point tails)", async () => {
    const result = await resultOf(t.admin, "saleTotals");
    expect(result.totals[0]).toBe(1501.2);
  });
});

describe("record access", () => {
  it("a rep's figures count only the records the rep may list", async () => {
    const mine = await listedSales(rep.client);
    expect(mine.map((r) => r.title).sort()).toEqual(["r1", "r2", "r3"]);
    const expected = byKey(mine, (r) => r.stage);
    const result = await resultOf(rep.client, "saleByStage");
    expect(result.rows.map((r) => [r.keys[0], r.values[0], r.values[1]])).toEqual(
      ["prospect", "proposal", "won"].map((stage) => [
        stage,
        expected.get(stage)?.sum,
        expected.get(stage)?.count,
      ]),
    );
    expect((await resultOf(rep.client, "saleTotals")).totals).toEqual([600.6, 3, 3]);
  });

  it("another rep sees only theirs, and the admin everything", async () => {
    expect((await resultOf(other.client, "saleTotals")).totals).toEqual([900.4, 2, 2]);
    expect((await resultOf(t.admin, "saleTotals")).totals[1]).toBe((await listedSales(t.admin)).length);
  });

  it("names a lookup group only when the caller may see the record", async () => {
    const asRep = await resultOf(rep.client, "saleByAccount");
    expect(
      asRep.rows
        .map((r) => [r.keys[0], r.labels[0], r.values[0]])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual(
      [
        [accounts.alpha, "Alpha Reporting Ltd", 300.3],
        [accounts.beta, "(hidden)", 300.3],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(JSON.stringify(asRep)).not.toContain("Beta Hidden Ltd");
    const asAdmin = await resultOf(t.admin, "saleByAccount");
    expect(asAdmin.rows.map((r) => r.labels[0])).toEqual([
      "Alpha Reporting Ltd",
      "Beta Hidden Ltd",
      "(empty)",
    ]);
  });

  it("names owners by their user record's name", async () => {
    const asRep = await resultOf(rep.client, "saleByOwner");
    expect(asRep.rows).toEqual([{ keys: [rep.id], labels: ["report.rep"], values: [3] }]);
    const asAdmin = await resultOf(t.admin, "saleByOwner");
    expect(asAdmin.rows.map((r) => [r.labels[0], r.values[0]])).toEqual(
      expect.arrayContaining([
        ["report.rep", 3],
        ["report.other", 2],
      ]),
    );
  });

  it("a user who may not read the object gets 404 and does not see its reports listed", async () => {
    expectProblem(await results(outsider, "saleByStage"), 404);
    const listed = await outsider.get<{ reports: Json[] }>("/api/v1/reports");
    expect(listed.status).toBe(200);
    expect(listed.body.reports.map((r) => r.object)).not.toContain("sale");
  });

  it("lists the reports on objects the caller may read, with their labels", async () => {
    const listed = await rep.client.get<{ reports: Json[] }>("/api/v1/reports");
    expect(listed.status).toBe(200);
    expect(listed.body.reports).toContainEqual({
      name: "saleByStage",
      label: "Sales by stage",
      object: "sale",
    });
    expect(listed.body.reports.filter((r) => r.object === "sale")).toHaveLength(REPORTS.length);
  });
});

describe("field-level security", () => {
  it("refuses a report measuring a hidden field with 403 naming it", async () => {
    const refused = expectProblem(await results(rep.client, "saleMargin"), 403);
    expect(refused.title).toContain('"margin"');
    expect(refused.errors).toEqual([
      { path: "/measures/0/field", code: "report.fieldHidden", message: expect.stringContaining("margin") },
    ]);
  });

  it("refuses a report grouping by a hidden field", async () => {
    const refused = expectProblem(await results(rep.client, "saleByMargin"), 403);
    expect(refused.errors[0]).toMatchObject({ path: "/groupings/0/field", code: "report.fieldHidden" });
  });

  it("refuses a report filtering on a hidden field, so the filter is no oracle", async () => {
    const refused = expectProblem(await results(rep.client, "saleWithMargin"), 403);
    expect(refused.errors[0]).toMatchObject({ path: "/filter", code: "report.fieldHidden" });
  });

  it("runs the same reports for a user who may read the field", async () => {
    // r3 30, o1 40, o2 50.
    expect((await resultOf(t.admin, "saleWithMargin")).totals).toEqual([3]);
    const margins = await resultOf(t.admin, "saleMargin");
    expect(margins.rows.map((r) => r.values[0])).toEqual([11, 20, 70, 50]);
  });
});

describe("filter and scope", () => {
  it("applies the report's filter", async () => {
    const won = await listedSales(t.admin, { "==": [{ var: "stage" }, "won"] });
    const expected = cents(won.reduce((s, r) => s + (typeof r.amount === "number" ? r.amount : 0), 0));
    const result = await resultOf(t.admin, "wonSales");
    expect(result.totals[0]).toBeCloseTo(expected, 6);
    expect(result.totals[1]).toBe(won.length);
    expect((await resultOf(rep.client, "wonSales")).totals).toEqual([300.3, 1]);
  });

  it("scope mine counts only the caller's own records, even for the admin", async () => {
    const asAdmin = await resultOf(t.admin, "mySales");
    expect(asAdmin.rows.map((r) => [r.keys[0], r.values[0]])).toEqual([
      ["prospect", 1],
      ["won", 1],
    ]);
    const asOther = await resultOf(other.client, "mySales");
    expect(asOther.rows.map((r) => [r.keys[0], r.values[0]])).toEqual([
      ["won", 1],
      ["lost", 1],
    ]);
  });
});

describe("date buckets", () => {
  it("groups dates by month, chronologically, with no date last", async () => {
    const result = await resultOf(t.admin, "saleByMonth");
    expect(result.groupings).toEqual([{ field: "closedOn", label: "Closed on", dateBucket: "month" }]);
    expect(result.rows.map((r) => [r.keys[0], r.labels[0], r.values[0]])).toEqual([
      ["2026-01", "Jan 2026", 100.1],
      ["2026-02", "Feb 2026", 500.5],
      ["2026-04", "Apr 2026", 400.4],
      ["2026-12", "Dec 2026", 0.2],
      [null, "(empty)", 500],
    ]);
  });

  it("groups by quarter and by year", async () => {
    const quarters = await resultOf(t.admin, "saleByQuarter");
    expect(quarters.rows.map((r) => [r.keys[0], r.labels[0], r.values[0]])).toEqual([
      ["2026-Q1", "Q1 2026", 4],
      ["2026-Q2", "Q2 2026", 1],
      ["2026-Q4", "Q4 2026", 1],
      [null, "(empty)", 1],
    ]);
    const years = await resultOf(t.admin, "saleByYear");
    expect(years.rows.map((r) => [r.keys[0], r.labels[0], r.values[0]])).toEqual([
      ["2026", "2026", 6],
      [null, "(empty)", 1],
    ]);
  });

  it("buckets datetimes by their UTC day and ISO week (Monday)", async () => {
    const weeks = await resultOf(t.admin, "saleByWeek");
    expect(weeks.rows.map((r) => [r.keys[0], r.labels[0], r.values[0]])).toEqual([
      ["2026-01-05", "Week of Jan 5, 2026", 2],
      ["2026-03-02", "Week of Mar 2, 2026", 1],
      ["2026-12-28", "Week of Dec 28, 2026", 1],
      [null, "(empty)", 3],
    ]);
    const days = await resultOf(t.admin, "saleByDay");
    expect(days.rows[0]).toEqual({ keys: ["2026-01-11"], labels: ["Jan 11, 2026"], values: [2] });
  });

  it("labels buckets, picklists and measures in the caller's language", async () => {
    const months = await resultOf(other.client, "saleByMonth");
    expect(months.rows.map((r) => r.labels[0])).toEqual(["2026年4月", "（空）"]);
    const stages = await resultOf(other.client, "saleByStage");
    expect(stages.label).toBe("按阶段销售");
    expect(stages.groupings[0]?.label).toBe("阶段");
    expect(stages.rows.map((r) => r.labels[0])).toEqual(["赢单", "输单"]);
    expect(stages.measures.map((m) => m.label).slice(0, 3)).toEqual(["金额合计", "记录数", "金额平均值"]);
    const quarters = await resultOf(other.client, "saleByQuarter");
    expect(quarters.rows.map((r) => r.labels[0])).toEqual(["2026年第2季度", "（空）"]);
  });
});

describe("ordering, limits and two groupings", () => {
  it("labels booleans Yes and No, in value order", async () => {
    const paid = await resultOf(t.admin, "saleByPaid");
    expect(paid.rows.map((r) => [r.keys[0], r.labels[0], r.values[0]])).toEqual([
      [false, "No", 2],
      [true, "Yes", 3],
      [null, "(empty)", 2],
    ]);
    const zh = await resultOf(other.client, "saleByPaid");
    expect(zh.rows.map((r) => r.labels[0])).toEqual(["（空）"]);
  });

  it("keeps the top groups by a measure and says the answer is truncated; totals cover all", async () => {
    const result = await resultOf(t.admin, "topStages");
    expect(result.rows.map((r) => [r.keys[0], r.values[0]])).toEqual([
      ["won", 700.7],
      ["lost", 500],
    ]);
    expect(result.truncated).toBe(true);
    expect(result.totals).toEqual([1501.2]);
    const rep3 = await resultOf(rep.client, "topStages");
    expect(rep3.rows.map((r) => r.keys[0])).toEqual(["won", "proposal"]);
    expect(rep3.truncated).toBe(true);
  });

  it("is not truncated when every group fits", async () => {
    const result = await resultOf(other.client, "topStages");
    expect(result.rows.map((r) => [r.keys[0], r.values[0]])).toEqual([
      ["lost", 500],
      ["won", 400.4],
    ]);
    expect(result.truncated).toBe(false);
  });

  it("sorts groups descending by their key when asked", async () => {
    const result = await resultOf(t.admin, "stagesDescending");
    expect(result.rows.map((r) => r.keys[0])).toEqual(["lost", "won", "proposal", "prospect"]);
  });

  it("splits each group by a second grouping, values equal to the listed records'", async () => {
    const all = await listedSales(t.admin);
    const expected = byKey(all, (r) => `${r.stage}/${r.paid ?? null}`);
    const result = await resultOf(t.admin, "stageByPaid");
    expect(result.rows.map((r) => r.keys)).toEqual([
      ["prospect", false],
      ["prospect", true],
      ["proposal", false],
      ["won", true],
      ["won", null],
      ["lost", null],
    ]);
    expect(result.rows.map((r) => r.labels[1])).toEqual(["No", "Yes", "No", "Yes", "(empty)", "(empty)"]);
    for (const row of result.rows) {
      const group = expected.get(`${row.keys[0]}/${row.keys[1]}`);
      expect([row.values[0], row.values[1]]).toEqual([group?.sum, group?.count]);
    }
  });
});

describe("requests the API refuses", () => {
  it("answers 401 without a session", async () => {
    for (const path of ["/api/v1/reports", "/api/v1/reports/saleByStage/results"])
      expectProblem(await t.anonymous().get(path), 401);
  });

  it("answers 404 for a report that does not exist", async () => {
    expectProblem(await results(t.admin, "noSuchReport"), 404);
    expectProblem(await results(t.admin, "__proto__"), 404);
  });
});
