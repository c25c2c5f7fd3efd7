import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../../engine/support/api-client.js";
import { findRecords, idOf, type Json, type SalesServer, startSalesServer } from "./sales-fixture.js";

interface ReportResult {
  name: string;
  label: string;
  measures: Array<{ label: string; format: string }>;
  rows: Array<{ keys: unknown[]; labels: string[]; values: Array<number | string | null> }>;
  totals: Array<number | string | null>;
  truncated: boolean;
}

const OPEN_STAGES = ["prospecting", "qualification", "needsAnalysis", "proposal", "negotiation"];
const OPEN = { "==": [{ var: "isClosed" }, false] };
const WON = { "==": [{ var: "stage" }, "closedWon"] };
const EVERY_LEAD = { "!!": { var: "lastName" } };

let s: SalesServer;

const resultOf = async (client: ApiClient, report: string): Promise<ReportResult> => {
  const got = await client.get<ReportResult>(`/api/v1/reports/${report}/results`);
  expect(got.status, `${report}: ${JSON.stringify(got.body)}`).toBe(200);
  return got.body;
};

/** Sum of `amount` and number of records per key, computed here from listed records. */
const tally = (records: readonly Json[], key: (r: Json) => unknown) => {
  const groups = new Map<unknown, { amount: number; count: number }>();
  for (const r of records) {
    const k = key(r) ?? null;
    const group = groups.get(k) ?? { amount: 0, count: 0 };
    group.amount += typeof r.amount === "number" ? r.amount : 0;
    group.count += 1;
    groups.set(k, group);
  }
  return groups;
};

const figures = (result: ReportResult) => result.rows.map((r) => [r.keys[0], ...r.values]);

beforeAll(async () => {
  s = await startSalesServer();
}, 60_000);

afterAll(async () => s?.close());

describe("the sales dashboard", () => {
  it("is in the sales app's navigation", async () => {
    const boot = await s.admin.get<{ apps: Array<{ name: string; navigation: Json[] }> }>(
      "/api/v1/ui/bootstrap",
    );
    const sales = boot.body.apps.find((a) => a.name === "sales");
    expect(sales?.navigation).toContainEqual({ type: "dashboard", dashboard: "salesDashboard" });
  });

  it("has a funnel of the pipeline, won amounts by month, leads by source, KPIs and a table", async () => {
    const got = await s.admin.get<{ label: string; columns: number; widgets: Json[] }>(
      "/api/v1/dashboards/salesDashboard",
    );
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ label: "Sales dashboard", columns: 12, personalLayout: false });
    expect(got.body.widgets.map((w) => [w.name, w.report, w.chart])).toEqual([
      ["openPipeline", "openPipelineTotal", "kpi"],
      ["openDeals", "openPipelineTotal", "kpi"],
      ["pipelineFunnel", "pipelineByStage", "funnel"],
      ["leadSources", "leadsBySource", "pie"],
      ["wonByMonth", "wonByMonth", "bar"],
      ["topOwners", "pipelineByOwner", "table"],
    ]);
  });

  it("runs every widget's report for the admin and for a sales rep", async () => {
    const rep = await s.as("wang.fang");
    for (const report of [
      "openPipelineTotal",
      "pipelineByStage",
      "leadsBySource",
      "wonByMonth",
      "pipelineByOwner",
    ]) {
      await resultOf(s.admin, report);
      await resultOf(rep.client, report);
    }
  });
});

describe("the sales dashboard's figures, checked against the records", () => {
  it("pipeline by stage: open amounts and deals per stage, in funnel order", async () => {
    const open = await findRecords(s.admin, "opportunity", OPEN);
    const expected = tally(open, (r) => r.stage);
    const result = await resultOf(s.admin, "pipelineByStage");
    expect(figures(result)).toEqual(
      OPEN_STAGES.filter((stage) => expected.has(stage)).map((stage) => [
        stage,
        expected.get(stage)?.amount,
        expected.get(stage)?.count,
      ]),
    );
    // The sample data has deals in every open stage.
    expect(result.rows.map((r) => r.labels[0])).toEqual([
      "Prospecting",
      "Qualification",
      "Needs Analysis",
      "Proposal",
      "Negotiation",
    ]);
    expect(result.measures.map((m) => [m.label, m.format])).toEqual([
      ["Amount", "currency"],
      ["Opportunities", "integer"],
    ]);
  });

  it("the open pipeline KPI: the total amount and number of open deals", async () => {
    const open = await findRecords(s.admin, "opportunity", OPEN);
    const result = await resultOf(s.admin, "openPipelineTotal");
    expect(result.totals).toEqual([open.reduce((sum, r) => sum + Number(r.amount ?? 0), 0), open.length]);
  });

  it("won amount by month: closed won amounts by the month they closed", async () => {
    const won = await findRecords(s.admin, "opportunity", WON);
    const expected = tally(won, (r) => String(r.closeDate).slice(0, 7));
    const result = await resultOf(s.admin, "wonByMonth");
    expect(figures(result)).toEqual(
      [...expected.keys()]
        .sort()
        .map((month) => [month, expected.get(month)?.amount, expected.get(month)?.count]),
    );
    expect(result.rows.map((r) => r.labels[0])).toEqual(["Oct 2026", "Nov 2026"]);
  });

  it("leads by source: the number of leads per source", async () => {
    const leads = await findRecords(s.admin, "lead", EVERY_LEAD);
    const expected = tally(leads, (r) => r.source);
    const result = await resultOf(s.admin, "leadsBySource");
    expect(new Map(result.rows.map((r) => [r.keys[0], r.values[0]]))).toEqual(
      new Map([...expected].map(([source, g]) => [source, g.count])),
    );
    expect(result.totals).toEqual([leads.length]);
  });

  it("pipeline by owner: owners by their open amount, largest first, named", async () => {
    const open = await findRecords(s.admin, "opportunity", OPEN);
    const expected = tally(open, (r) => idOf(r.ownerId));
    const users = await findRecords(s.admin, "user", { "!!": { var: "username" } });
    const nameOf = (id: unknown) => users.find((u) => u.id === id)?.name;
    const result = await resultOf(s.admin, "pipelineByOwner");
    expect(result.rows.map((r) => [r.keys[0], r.labels[0], r.values[0], r.values[1]])).toEqual(
      [...expected]
        .sort((a, b) => b[1].amount - a[1].amount)
        .map(([owner, g]) => [owner, nameOf(owner), g.amount, g.count]),
    );
  });

  it("a sales rep's figures count only the records the rep may see, in Chinese", async () => {
    const rep = await s.as("wang.fang");
    const open = await findRecords(rep.client, "opportunity", OPEN);
    const all = await findRecords(s.admin, "opportunity", OPEN);
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(all.length);
    const expected = tally(open, (r) => r.stage);
    const stages = await resultOf(rep.client, "pipelineByStage");
    expect(new Map(stages.rows.map((r) => [r.keys[0], [r.values[0], r.values[1]]]))).toEqual(
      new Map([...expected].map(([stage, g]) => [stage, [g.amount, g.count]])),
    );
    expect(stages.label).toBe("各阶段商机");
    expect(stages.measures.map((m) => m.label)).toEqual(["金额", "商机数"]);
    const kpi = await resultOf(rep.client, "openPipelineTotal");
    expect(kpi.totals).toEqual([open.reduce((sum, r) => sum + Number(r.amount ?? 0), 0), open.length]);

    const leads = await findRecords(rep.client, "lead", EVERY_LEAD);
    const sources = await resultOf(rep.client, "leadsBySource");
    expect(sources.totals).toEqual([leads.length]);
  });

  it("labels stages and months in Chinese for a user who reads Chinese", async () => {
    const locale = (value: string) => s.admin.put("/api/v1/ui/preferences", { locale: value });
    expect((await locale("zh-CN")).status).toBe(200);
    try {
      const stages = await resultOf(s.admin, "pipelineByStage");
      expect(stages.rows.map((r) => r.labels[0])).toEqual([
        "初步接洽",
        "需求确认",
        "需求分析",
        "方案报价",
        "商务谈判",
      ]);
      const months = await resultOf(s.admin, "wonByMonth");
      expect(months.label).toBe("每月赢单金额");
      expect(months.rows.map((r) => r.labels[0])).toEqual(["2026年10月", "2026年11月"]);
    } finally {
      expect((await locale("en")).status).toBe(200);
    }
  });
});
