import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiSession, apiSession } from "./support/api-session.js";
import { launchBrowser, signIn, strictPage } from "./support/browser.js";
import { E2E_ADMIN_PASSWORD, type ProductServer, startProduct } from "./support/product-server.js";
import { screenshot } from "./support/screenshots.js";
import { choose, openTab, recordIdOf, relatedCard, rowsWith, shownValue } from "./support/template-pages.js";
import { runTessera, signInToTenant } from "./support/template-tenants.js";

/**
 * Issue 8 in the real product: the demo tenant that the first `npm start` creates with the sales
 * template (lead conversion and lead pools through the sales plugin's buttons), the sample plugin
 * customer-feedback installed over HTTP (star widget, before-save hook), and a tenant created with
 * the manufacturing template by the CLI beside the running server.
 */

type Json = Record<string, unknown>;
interface Listing<T> {
  records: T[];
}
interface UserRecord {
  id: string;
  username: string;
  role?: string;
}
interface Lookup {
  id: string;
  name?: string;
}

const REP_PASSWORD = "rep-e2e-password";
const PLANT_PASSWORD = "plant-admin-password";

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

const ok = async <T = Json>(answer: Promise<{ status: number; body: T }>, status = 200): Promise<T> => {
  const { status: actual, body } = await answer;
  expect(actual, JSON.stringify(body)).toBe(status);
  return body;
};

const record = (session: ApiSession, object: string, id: string) =>
  ok(session.request<Json>("GET", `/api/v1/records/${object}/${id}`));

const idOf = (value: unknown): string | undefined =>
  typeof value === "object" && value !== null ? (value as Lookup).id : undefined;

/** The page's errors but the expected answers of a refused request (the browser logs those). */
const unexpected = (errors: readonly string[], ...statuses: number[]) =>
  errors.filter((e) => !statuses.some((s) => e.includes(`status of ${s}`)));

const toolbar = (page: Page, name = "Record actions") => page.getByRole("toolbar", { name });

describe("the sales template's demo tenant", () => {
  it("converts a pool lead with the plugin's Convert button; the account's 360° page lists its contact and opportunity", async () => {
    const errors: string[] = [];
    const page = await strictPage(browser, errors);
    await signIn(page, product.url, "admin", E2E_ADMIN_PASSWORD);

    await page
      .getByRole("navigation", { name: "Sales" })
      .getByRole("link", { name: "Leads waiting in pools" })
      .click();
    await page.getByRole("heading", { level: 2, name: "Leads waiting in pools" }).waitFor();
    // The pools' waiting leads, best fit first: 冯悦 (referral, large, complete) leads the list.
    const first = page.locator(".ant-table-tbody tr.ant-table-row").first();
    await expect.poll(() => first.textContent()).toContain("东莞华南模具有限公司");
    await page.getByRole("link", { name: "冯悦", exact: true }).click();
    await page.getByRole("heading", { level: 2, name: "冯悦" }).waitFor();
    const leadId = recordIdOf(page);
    await expect(shownValue(page, "Pool Status").textContent()).resolves.toBe("Waiting in Pool");
    const buttons = toolbar(page).getByRole("button");
    await expect.poll(() => buttons.allTextContents()).toEqual(["Edit", "Convert", "Claim", "Delete"]);
    await screenshot(page, "template-sales-lead");

    await toolbar(page).getByRole("button", { name: "Convert" }).click();
    const confirm = page.getByRole("dialog", {
      name: "Convert this lead into an account, a contact and an opportunity?",
    });
    await confirm.getByRole("button", { name: "Continue" }).click();

    // The plugin's answer opens the new opportunity, named after the company.
    await page.waitForURL(/\/o\/opportunity\/[A-Za-z0-9]+$/);
    await page.getByRole("heading", { level: 2, name: "东莞华南模具有限公司: new business" }).waitFor();
    const opportunityId = recordIdOf(page);

    const lead = await record(admin, "lead", leadId);
    expect(lead.status).toBe("converted");
    expect(lead.poolStatus ?? null).toBeNull();
    expect(idOf(lead.convertedOpportunity)).toBe(opportunityId);
    const accountId = idOf(lead.convertedAccount);
    const contactId = idOf(lead.convertedContact);
    if (accountId === undefined || contactId === undefined)
      throw new Error("No converted account or contact");
    const opportunity = await record(admin, "opportunity", opportunityId);
    expect(idOf(opportunity.account)).toBe(accountId);
    expect(idOf(opportunity.primaryContact)).toBe(contactId);
    expect(opportunity.amount).toBe(1_800_000);
    expect(opportunity.stage).toBe("prospecting");
    const account = await record(admin, "account", accountId);
    expect(account.name).toBe("东莞华南模具有限公司");

    // From the opportunity to its account: each record's page opens with its sections open.
    await shownValue(page, "Account").getByRole("link", { name: "东莞华南模具有限公司" }).click();
    await page.getByRole("heading", { level: 2, name: "东莞华南模具有限公司" }).waitFor();
    expect(recordIdOf(page)).toBe(accountId);
    await expect(shownValue(page, "Industry").textContent()).resolves.toBe("Manufacturing");
    const related = await openTab(page, "Related");
    // The account 360° layout's related lists, in its order.
    await relatedCard(related, "Subsidiaries · Parent Account (0)").waitFor();
    expect(await related.locator(".ant-card-head-title").allTextContents()).toEqual([
      "Contacts (1)",
      "Opportunities (1)",
      "Quotes (0)",
      "Cases (0)",
      "Activities (0)",
      "Converted leads (1)",
      "Subsidiaries · Parent Account (0)",
    ]);
    const contact = relatedCard(related, "Contacts (1)").getByRole("link", { name: "冯悦" });
    expect(await contact.getAttribute("href")).toBe(`/o/contact/${contactId}`);
    const deal = relatedCard(related, "Opportunities (1)").getByRole("link", {
      name: "东莞华南模具有限公司: new business",
    });
    expect(await deal.getAttribute("href")).toBe(`/o/opportunity/${opportunityId}`);
    await expect(rowsWith(relatedCard(related, "Opportunities (1)"), "Prospecting").count()).resolves.toBe(1);
    // The owner column names the user (system user fields are shown by name, not id).
    await expect
      .poll(() => rowsWith(relatedCard(related, "Opportunities (1)"), "Prospecting").textContent())
      .toContain("Administrator");
    const converted = relatedCard(related, "Converted leads (1)").getByRole("link", { name: "冯悦" });
    expect(await converted.getAttribute("href")).toBe(`/o/lead/${leadId}`);
    await screenshot(page, "template-sales-account");
    expect(errors).toEqual([]);
  });

  it("lets an East China sales rep claim a lead of the East pool: the lead becomes theirs", async () => {
    const users = await ok(admin.request<Listing<UserRecord>>("GET", "/api/v1/records/user?limit=100"));
    // wang.fang: role salesRepEast, right above leadPoolEast, the role of the East pool's holder.
    const rep = users.records.find((u) => u.username === "wang.fang");
    expect(rep?.role).toBe("salesRepEast");
    if (rep === undefined) throw new Error("The demo has no wang.fang");
    await ok(admin.request("POST", `/api/v1/users/${rep.id}/password`, { password: REP_PASSWORD }), 204);

    const errors: string[] = [];
    const page = await strictPage(browser, errors);
    await signInToTenant(page, product.url, "demo", "wang.fang", REP_PASSWORD);
    // The sample reps read Chinese.
    await page.getByRole("navigation", { name: "销售" }).getByRole("link", { name: "线索池待领取" }).click();
    await page.getByRole("heading", { level: 2, name: "线索池待领取" }).waitFor();
    await page.getByRole("link", { name: "孙涛", exact: true }).waitFor();
    // The leads of the two East China pools, none of the South China pool's (郑凯, 冯悦).
    const names = await page
      .locator(".ant-table-tbody tr.ant-table-row td a[href^='/o/lead/']")
      .allTextContents();
    expect(names.sort()).toEqual(["何雪", "孙涛", "蒋磊", "钱明", "韩梅"].sort());

    await page.getByRole("link", { name: "孙涛", exact: true }).click();
    await page.getByRole("heading", { level: 2, name: "孙涛" }).waitFor();
    const leadId = recordIdOf(page);
    const before = await record(admin, "lead", leadId);
    expect(before.ownerId).not.toBe(rep.id);
    await expect(shownValue(page, "线索池状态").textContent()).resolves.toBe("待领取");

    await toolbar(page, "记录操作").getByRole("button", { name: "领取" }).click();
    await page.getByText("操作已完成").waitFor();
    // Reloaded: claimed, so Claim gives way to Return to pool.
    await expect.poll(() => shownValue(page, "线索池状态").textContent()).toBe("已领取");
    await toolbar(page, "记录操作").getByRole("button", { name: "退回线索池" }).waitFor();
    expect(await toolbar(page, "记录操作").getByRole("button", { name: "领取" }).count()).toBe(0);
    expect(await shownValue(page, "领取时间").textContent()).not.toBe("—");

    const after = await record(admin, "lead", leadId);
    expect(after.ownerId).toBe(rep.id);
    expect(after.poolStatus).toBe("claimed");
    expect(typeof after.claimedAt).toBe("string");
    // Now the rep's own lead, out of the pool list.
    const mine = await apiSession(product.url, "wang.fang", REP_PASSWORD);
    expect((await record(mine, "lead", leadId)).ownerId).toBe(rep.id);
    await page.getByRole("navigation", { name: "销售" }).getByRole("link", { name: "线索池待领取" }).click();
    await page.getByRole("link", { name: "何雪", exact: true }).waitFor();
    expect(await page.getByRole("link", { name: "孙涛", exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe("the sample plugin customer-feedback", () => {
  it("installs over HTTP; its star widget rates, its hook refuses a low rating without a comment", async () => {
    const installed = await ok(admin.request<Json>("POST", "/api/v1/packages/customer-feedback/install", {}));
    expect(installed.status).toBe("installed");
    const count = async () =>
      (await ok(admin.request<Listing<Json>>("GET", "/api/v1/records/feedback?limit=50"))).records.length;
    expect(await count()).toBe(0);

    const errors: string[] = [];
    const page = await strictPage(browser, errors);
    const saves: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().endsWith("/api/v1/records/feedback"))
        saves.push(request.url());
    });
    await signIn(page, product.url, "admin", E2E_ADMIN_PASSWORD);
    await choose(page, "App", "Customer feedback");
    await page
      .getByRole("navigation", { name: "Customer feedback" })
      .getByRole("link", { name: "All feedback" })
      .click();
    await page.getByRole("heading", { level: 2, name: "All feedback" }).waitFor();
    // The header's New (the empty list offers another).
    await page.getByRole("button", { name: "New" }).first().click();
    await page.waitForURL(/\/o\/feedback\/new$/);
    await page.locator("[data-form-ready]").waitFor();

    const stars = page.getByRole("group", { name: "Rating" });
    await stars.getByRole("button", { name: "5 stars" }).waitFor();
    expect(
      await stars.getByRole("button").evaluateAll((b) => b.map((x) => x.getAttribute("aria-label"))),
    ).toEqual(["1 star", "2 stars", "3 stars", "4 stars", "5 stars"]);
    const account = page.getByLabel("Account", { exact: true });
    await account.click();
    await account.pressSequentially("Acme");
    await page.locator('.ant-select-item-option[title="Acme Retail Group"]').click();
    await stars.getByRole("button", { name: "2 stars" }).click();
    expect(await stars.getByRole("button", { name: "2 stars" }).getAttribute("aria-pressed")).toBe("true");
    expect(await stars.getByRole("button", { name: "3 stars" }).getAttribute("aria-pressed")).toBe("false");
    await screenshot(page, "template-feedback-form");

    // No comment: the layout's requiredWhen (rating 1-2) stops the save in the form.
    const save = page.getByRole("button", { name: "Save" });
    const commentError = page.locator("#root_comment__error");
    await save.click();
    await expect(commentError.textContent()).resolves.toBe("Enter a value.");
    expect(saves).toEqual([]);

    // Only spaces: the form lets it go, the plugin's hook tidies it away and refuses, at /comment.
    const comment = page.getByRole("textbox", { name: "Comment" });
    await comment.fill("   ");
    await save.click();
    await expect
      .poll(() => commentError.textContent())
      .toBe("A rating of 1 or 2 stars needs a comment: note what went wrong.");
    expect(saves).toHaveLength(1);
    expect(page.url()).toMatch(/\/o\/feedback\/new$/);
    expect(await count()).toBe(0);

    await comment.fill("  The engineer came   two days late.  ");
    await commentError.waitFor({ state: "detached" });
    await save.click();
    await page.waitForURL(
      (url) => /^\/o\/feedback\/[A-Za-z0-9]+$/.test(url.pathname) && !url.pathname.endsWith("/new"),
    );
    await page.getByRole("heading", { level: 2, name: /^FB-\d{5}$/ }).waitFor();
    // Read-only on the record page: the widget draws the stars and names the rating.
    await page.getByRole("img", { name: "Rating: 2 stars out of 5" }).waitFor();
    await expect(shownValue(page, "Comment").textContent()).resolves.toBe("The engineer came two days late.");

    const saved = await record(admin, "feedback", recordIdOf(page));
    expect(saved.rating).toBe(2);
    // The hook tidied the whitespace before it was stored.
    expect(saved.comment).toBe("The engineer came two days late.");
    expect(await count()).toBe(1);
    expect(unexpected(errors, 422)).toEqual([]);
  });
});

describe("the manufacturing template", () => {
  it("creates tenant plant with the CLI beside the running server; its Service app shows work orders with parts and cost", async () => {
    const created = await runTessera(product.dataDir, [
      "tenant",
      "create",
      "plant",
      "--template",
      "manufacturing",
      "--admin-password",
      PLANT_PASSWORD,
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created tenant "plant" with the "manufacturing" template');
    // The running server serves the new tenant without a restart.
    const plant = await apiSession(product.url, "admin", PLANT_PASSWORD, "plant");

    const errors: string[] = [];
    const page = await strictPage(browser, errors);
    await signInToTenant(page, product.url, "plant", "admin", PLANT_PASSWORD);
    const nav = page.getByRole("navigation", { name: "Service" });
    await nav.getByRole("link", { name: "Open work orders" }).click();
    await page.getByRole("heading", { level: 2, name: "Open work orders" }).waitFor();
    const spindle = rowsWith(page, "更换三号车间 VMC-850 主轴轴承");
    await spindle.waitFor();
    // Open only: the completed quarterly service of the HX-280T is not listed.
    expect(await rowsWith(page, "HX-280T 季度保养").count()).toBe(0);
    expect(await spindle.textContent()).toContain("In progress");

    await spindle.getByRole("link").first().click();
    await page
      .getByRole("heading", { level: 2, name: /^WO-\d{5} · 更换三号车间 VMC-850 主轴轴承$/ })
      .waitFor();
    const workOrderId = recordIdOf(page);
    await expect(shownValue(page, "Status").textContent()).resolves.toBe("In progress");
    await expect(shownValue(page, "Customer").textContent()).resolves.toBe("上海华东精密机械有限公司");
    // Two part lines: 2 × 2,800 + 1 × 180; no labour hours yet.
    await expect(shownValue(page, "Parts Used").textContent()).resolves.toBe("2");
    await expect(shownValue(page, "Parts Cost").textContent()).resolves.toMatch(/5,780/);
    await expect(shownValue(page, "Total Cost").textContent()).resolves.toBe("CN¥5,780.00");

    const workOrder = await record(plant, "workOrder", workOrderId);
    expect(workOrder.partLines).toBe(2);
    expect(workOrder.partsCost).toBe(5780);
    expect(workOrder.totalCost).toBe(5780);

    // Planning and Work folded away, so the costs are in the picture under the work order.
    await page.getByRole("button", { name: "Planning" }).click();
    await page.getByRole("button", { name: "Work", exact: true }).click();
    await screenshot(page, "template-manufacturing-work-order");

    const related = await openTab(page, "Related");
    const parts = relatedCard(related, "Parts used (2)");
    await rowsWith(parts, "冷却液过滤器滤芯").waitFor();
    expect(await rowsWith(parts, "主轴轴承 7014 C/P4").textContent()).toContain("CN¥5,600.00");
    expect(await rowsWith(parts, "冷却液过滤器滤芯").textContent()).toContain("CN¥180.00");
    expect(errors).toEqual([]);
  });
});
