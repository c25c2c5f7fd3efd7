import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiSession, apiSession } from "./support/api-session.js";
import { launchBrowser, signIn, strictPage } from "./support/browser.js";
import { keyboardDrag } from "./support/drag.js";
import { E2E_ADMIN_PASSWORD, type ProductServer, startProduct } from "./support/product-server.js";
import { screenshot } from "./support/screenshots.js";
import { signInToTenant } from "./support/template-tenants.js";

/**
 * Issue 9's dashboards in the real product: the sales template's dashboard on the demo tenant that
 * `npm start` creates, its figures checked against totals this test computes itself from the
 * records the records API lists (for the admin, and for a sales rep who sees only their share);
 * a personal layout moved by keyboard, kept after a reload, and reset.
 */

type Json = Record<string, unknown>;
interface Option {
  value: string;
  label: Record<string, string>;
}

const REP = "wang.fang";
const REP_PASSWORD = "dashboard-rep-password";

let product: ProductServer;
let browser: Browser;
let admin: ApiSession;

beforeAll(async () => {
  [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
  admin = await apiSession(product.url);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

/** Every record of an object the session may see, through the list API's cursors. */
const everyRecord = async (session: ApiSession, object: string, fields: string): Promise<Json[]> => {
  const all: Json[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `limit=200&fields=${fields}${cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`}`;
    const { status, body } = await session.request<{ records: Json[]; nextCursor: string | null }>(
      "GET",
      `/api/v1/records/${object}?${query}`,
    );
    expect(status).toBe(200);
    all.push(...body.records);
    cursor = body.nextCursor;
  } while (cursor !== null);
  return all;
};

const optionLabels = async (object: string, field: string, locale: string): Promise<Map<string, string>> => {
  const { body } = await admin.request<{ object: { fields: Array<{ name: string; options?: Option[] }> } }>(
    "GET",
    `/api/v1/metadata/objects/${object}`,
  );
  const options = body.object.fields.find((f) => f.name === field)?.options ?? [];
  return new Map(options.map((o) => [o.value, o.label[locale] ?? o.label.en ?? o.value]));
};

const add = (totals: Map<string, number>, key: string, amount: number) =>
  totals.set(key, (totals.get(key) ?? 0) + amount);

/** The figures a widget shows: group label -> raw value of one measure, read from its figures table. */
const widgetFigures = async (page: Page, widget: string, measure = 0): Promise<Map<string, number>> => {
  const section = page.locator(`section[data-widget="${widget}"]`);
  await section.and(page.locator('[data-state="ready"]')).waitFor();
  const rows = await section
    .locator("tr[data-group]")
    .evaluateAll(
      (trs, m) =>
        trs.map((tr) => [
          tr.getAttribute("data-group") ?? "",
          tr.querySelector(`[data-figure="${m}"]`)?.getAttribute("data-value") ?? "",
        ]),
      measure,
    );
  return new Map(rows.map(([group, value]) => [group as string, Number(value)]));
};

const kpiValue = async (page: Page, widget: string, measure = 0): Promise<number> => {
  const section = page.locator(`section[data-widget="${widget}"]`);
  await section.and(page.locator('[data-state="ready"]')).waitFor();
  return Number(await section.locator(`[data-figure="${measure}"]`).first().getAttribute("data-value"));
};

const expectSameFigures = (shown: Map<string, number>, computed: Map<string, number>) => {
  expect([...shown.keys()].sort()).toEqual([...computed.keys()].sort());
  for (const [group, value] of computed) expect(shown.get(group), group).toBeCloseTo(value, 2);
};

const monthLabel = (date: string, locale: string): string => {
  const [year, month] = date.split("-").map(Number) as [number, number];
  return locale === "en"
    ? new Date(Date.UTC(year, month - 1)).toLocaleString("en-US", {
        month: "short",
        year: "numeric",
        timeZone: "UTC",
      })
    : `${year}年${month}月`;
};

describe("the sales dashboard", () => {
  it("shows the admin the pipeline by stage, won amount by month and leads by source exactly as the records add up", async () => {
    const opportunities = await everyRecord(admin, "opportunity", "stage,amount,closeDate,isClosed");
    const leads = await everyRecord(admin, "lead", "source");
    expect(opportunities.length).toBeGreaterThan(10);
    const stages = await optionLabels("opportunity", "stage", "en");
    const sources = await optionLabels("lead", "source", "en");
    const pipeline = new Map<string, number>();
    const openCount = new Map<string, number>();
    const won = new Map<string, number>();
    let openTotal = 0;
    for (const deal of opportunities) {
      const amount = typeof deal.amount === "number" ? deal.amount : 0;
      if (deal.isClosed === false) {
        const stage = stages.get(String(deal.stage)) ?? String(deal.stage);
        add(pipeline, stage, amount);
        add(openCount, stage, 1);
        openTotal += amount;
      }
      if (deal.stage === "closedWon") add(won, monthLabel(String(deal.closeDate), "en"), amount);
    }
    const bySource = new Map<string, number>();
    for (const lead of leads)
      add(bySource, lead.source === undefined ? "(empty)" : (sources.get(String(lead.source)) ?? ""), 1);

    const errors: string[] = [];
    const page = await strictPage(browser, errors);
    await signIn(page, product.url, "admin", E2E_ADMIN_PASSWORD);
    await page
      .getByRole("navigation", { name: "Sales" })
      .getByRole("link", { name: "Sales dashboard" })
      .click();
    await page.getByRole("heading", { level: 2, name: "Sales dashboard" }).waitFor();

    expectSameFigures(await widgetFigures(page, "pipelineFunnel"), pipeline);
    expectSameFigures(await widgetFigures(page, "pipelineFunnel", 1), openCount);
    expectSameFigures(await widgetFigures(page, "wonByMonth"), won);
    expectSameFigures(await widgetFigures(page, "leadSources"), bySource);
    expect(await kpiValue(page, "openPipeline")).toBeCloseTo(openTotal, 2);
    expect(await kpiValue(page, "openDeals", 1)).toBe([...openCount.values()].reduce((a, b) => a + b, 0));
    // The charts are drawn, not only their figures tables.
    await expect
      .poll(() => page.locator('section[data-widget="pipelineFunnel"] svg path').count())
      .toBeGreaterThan(3);
    await screenshot(page, "sales-dashboard");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a sales rep, in Chinese, only the figures of the deals they may see", async () => {
    const { body: users } = await admin.request<{ records: Array<{ id: string; username: string }> }>(
      "GET",
      "/api/v1/records/user?limit=100",
    );
    const rep = users.records.find((u) => u.username === REP);
    if (rep === undefined) throw new Error(`The demo has no ${REP}`);
    expect(
      (await admin.request("POST", `/api/v1/users/${rep.id}/password`, { password: REP_PASSWORD })).status,
    ).toBe(204);
    const mine = await apiSession(product.url, REP, REP_PASSWORD);
    const visible = await everyRecord(mine, "opportunity", "stage,amount,isClosed");
    const everything = await everyRecord(admin, "opportunity", "stage,amount,isClosed");
    expect(visible.length).toBeLessThan(everything.length);
    const stages = await optionLabels("opportunity", "stage", "zh-CN");
    const pipeline = new Map<string, number>();
    let openTotal = 0;
    for (const deal of visible.filter((d) => d.isClosed === false)) {
      const amount = typeof deal.amount === "number" ? deal.amount : 0;
      add(pipeline, stages.get(String(deal.stage)) ?? "", amount);
      openTotal += amount;
    }

    const errors: string[] = [];
    const page = await strictPage(browser, errors);
    await signInToTenant(page, product.url, "demo", REP, REP_PASSWORD);
    await page.getByRole("navigation", { name: "销售" }).getByRole("link", { name: "销售仪表盘" }).click();
    await page.getByRole("heading", { level: 2, name: "销售仪表盘" }).waitFor();
    expectSameFigures(await widgetFigures(page, "pipelineFunnel"), pipeline);
    expect(await kpiValue(page, "openPipeline")).toBeCloseTo(openTotal, 2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps a layout the user rearranged by keyboard after a reload, and resets it", async () => {
    const errors: string[] = [];
    const page = await strictPage(browser, errors);
    await signIn(page, product.url, "admin", E2E_ADMIN_PASSWORD);
    await page.goto(`${product.url}/dashboards/salesDashboard`);
    const cell = page.locator('[data-cell="topOwners"]');
    await cell.waitFor();
    const before = Number(await cell.getAttribute("data-y"));
    await page.getByRole("button", { name: "Edit layout" }).click();
    await keyboardDrag(page, page.getByRole("button", { name: "Move Pipeline by owner" }), [
      "ArrowDown",
      "ArrowDown",
    ]);
    await expect.poll(async () => Number(await cell.getAttribute("data-y"))).toBe(before + 2);
    await page.getByRole("button", { name: "Save layout" }).click();
    await page.getByRole("button", { name: "Edit layout" }).waitFor();

    await page.reload();
    await cell.waitFor();
    expect(Number(await cell.getAttribute("data-y"))).toBe(before + 2);
    const saved = await admin.request<Json>("GET", "/api/v1/dashboards/salesDashboard");
    expect(saved.body.personalLayout).toBe(true);

    await page.getByRole("button", { name: "Edit layout" }).click();
    await page.getByRole("button", { name: "Reset layout" }).click();
    await expect.poll(async () => Number(await cell.getAttribute("data-y"))).toBe(before);
    const reset = await admin.request<Json>("GET", "/api/v1/dashboards/salesDashboard");
    expect(reset.body.personalLayout).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
