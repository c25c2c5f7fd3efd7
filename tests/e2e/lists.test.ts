import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn, strictPage } from "./support/browser.js";
import { E2E_ADMIN_PASSWORD, type ProductServer, startProduct } from "./support/product-server.js";

let product: ProductServer;
let browser: Browser;

/** With the sample ones, one page of the default 25 rows, and three pages of ten. */
const EXTRA_DEALS = 12;
/** The sample opportunities of the demo tenant (the sales template). */
const SAMPLE_DEALS = 13;

/** Adds opportunities through the API, so the list has more than two pages of ten. */
const addOpportunities = async (url: string) => {
  const call = async (path: string, init: RequestInit = {}, token?: string) => {
    const response = await fetch(`${url}${path}`, {
      ...init,
      headers: {
        "content-type": "application/json",
        ...(token !== undefined && { authorization: `Bearer ${token}` }),
      },
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const { token } = (await call("/api/v1/auth/login", {
    method: "POST",
    body: JSON.stringify({ tenant: "demo", username: "admin", password: E2E_ADMIN_PASSWORD }),
  })) as { token: string };
  const accounts = (await call("/api/v1/records/account?limit=1", {}, token)) as {
    records: Array<{ id: string }>;
  };
  const account = accounts.records[0]?.id;
  for (let i = 1; i <= EXTRA_DEALS; i += 1) {
    await call(
      "/api/v1/records/opportunity",
      {
        method: "POST",
        body: JSON.stringify({
          name: `E2E deal ${String(i).padStart(2, "0")}`,
          account,
          stage: "prospecting",
          amount: 100_000 + i * 1_000,
          closeDate: "2027-06-01",
        }),
      },
      token,
    );
  }
};

beforeAll(async () => {
  [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
  await addOpportunities(product.url);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

const rows = (page: Page) => page.locator(".ant-table-tbody tr.ant-table-row");
const names = (page: Page) => rows(page).locator("td a[href^='/o/opportunity/']").allTextContents();
const rangeText = (page: Page, text: string) =>
  page.getByRole("navigation", { name: "Pages" }).getByText(text, { exact: true });
const range = (page: Page, text: string) => rangeText(page, text).waitFor();

/** Opens an antd select by its label and picks an option by its text. */
const choose = async (page: Page, label: string, option: string) => {
  await page.getByRole("combobox", { name: label }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
};

describe("working through a list of records", () => {
  it("sorts, filters, searches, pages, deletes, and finds records from the global search", async () => {
    const errors: string[] = [];
    const page = await strictPage(browser, errors);
    await signIn(page, product.url, "admin", E2E_ADMIN_PASSWORD);
    await page.getByRole("link", { name: "Opportunities" }).first().click();
    await page.getByRole("heading", { name: "All Opportunities" }).waitFor();
    const total = SAMPLE_DEALS + EXTRA_DEALS;
    await range(page, `1–${total} of ${total}`);
    expect(await rows(page).count()).toBe(total);

    // Sort by a column: ascending puts the smallest amount first, again descending the largest.
    const amount = page.locator("th", { hasText: "Amount" });
    await amount.click();
    await page.waitForURL(/sort=amount/);
    await expect.poll(async () => (await names(page))[0]).toBe("E2E deal 01");
    await amount.click();
    await page.waitForURL(/sort=-amount/);
    await expect.poll(async () => (await names(page))[0]).toBe("POS refresh, 300 stores");

    // A filter on a picklist: Stage = Proposal (three sample opportunities).
    await page.getByRole("button", { name: "Add filter" }).click();
    await choose(page, "Field", "Stage");
    await choose(page, "Value", "Proposal");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await range(page, "1–3 of 3");
    expect((await names(page)).sort()).toEqual([
      "Smart factory sensors",
      "Wind farm monitoring",
      "智能装备产线升级",
    ]);
    await page.getByRole("button", { name: "Clear filters" }).click();
    await range(page, `1–${total} of ${total}`);

    // Search the list.
    const search = page.getByRole("searchbox", { name: "Search this list" });
    await search.fill("wind");
    await search.press("Enter");
    await range(page, "1–1 of 1");
    expect(await names(page)).toEqual(["Wind farm monitoring"]);
    await search.fill("");
    await search.press("Enter");
    await range(page, `1–${total} of ${total}`);

    // Page through ten at a time, and back.
    await choose(page, "Rows per page", "10 / page");
    await range(page, `1–10 of ${total}`);
    expect(await rows(page).count()).toBe(10);
    const next = page.getByRole("button", { name: "Next" });
    const previous = page.getByRole("button", { name: "Previous" });
    // Each page turn once the list has settled. A turn was lost about once in six runs on a busy
    // machine (the range stayed on the page before; cause still open, see the closing note): the
    // click is repeated only when the list still shows the page it was on.
    const turn = async (button: typeof next, from: string, to: string) => {
      await page.waitForLoadState("networkidle");
      await button.click();
      const arrived = await rangeText(page, to)
        .waitFor({ timeout: 10_000 })
        .then(
          () => true,
          () => false,
        );
      if (arrived) return;
      await rangeText(page, from).waitFor({ timeout: 1_000 });
      await button.click();
    };
    await turn(next, `1–10 of ${total}`, `11–20 of ${total}`);
    await range(page, `11–20 of ${total}`);
    await turn(next, `11–20 of ${total}`, `21–${total} of ${total}`);
    await range(page, `21–${total} of ${total}`);
    expect(await next.isDisabled()).toBe(true);
    await turn(previous, `21–${total} of ${total}`, `11–20 of ${total}`);
    await range(page, `11–20 of ${total}`);

    // Select two records and delete them: they go, and the count drops.
    await search.fill("E2E deal");
    await search.press("Enter");
    await range(page, `1–10 of ${EXTRA_DEALS}`);
    // Still sorted by amount, descending: the largest of them come first.
    const doomed = (await names(page)).slice(0, 2);
    expect(doomed).toEqual(["E2E deal 12", "E2E deal 11"]);
    for (const name of doomed) await page.getByRole("checkbox", { name: `Select ${name}` }).check();
    await page.getByRole("button", { name: "Delete selected (2)" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await range(page, `1–10 of ${EXTRA_DEALS - 2}`);
    const left = await names(page);
    expect(left[0]).toBe("E2E deal 10");
    expect(left).not.toContain("E2E deal 12");
    expect(left).not.toContain("E2E deal 11");

    // The list's state is in the URL: Back returns to the previous one.
    await page.goBack();
    await range(page, `1–10 of ${total - 2}`);

    // Search everything from the header and open a hit.
    const global = page.getByRole("searchbox", { name: "Search records" });
    await global.fill("Wind farm");
    await global.press("Enter");
    await page.waitForURL(/\/search\?q=Wind/);
    await page.getByRole("heading", { name: "Results for “Wind farm”" }).waitFor();
    await page.getByRole("link", { name: "Wind farm monitoring" }).click();
    await page.waitForURL(/\/o\/opportunity\/[^/?]+$/);

    expect(errors).toEqual([]);
  });
});
