import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiSession, apiSession } from "./support/api-session.js";
import { launchBrowser, signIn, strictPage } from "./support/browser.js";
import { E2E_ADMIN_PASSWORD, type ProductServer, startProduct } from "./support/product-server.js";

type Opportunity = {
  id: string;
  version: number;
  name: string;
  amount?: number;
  stage: string;
  nextStep?: string;
  account: { id: string; name?: string };
};

let product: ProductServer;
let browser: Browser;
let admin: ApiSession;
let created: string;

beforeAll(async () => {
  [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
  admin = await apiSession(product.url);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

const formReady = (page: Page) => page.locator("[data-form-ready]").waitFor();

/** The error shown under a field (rjsf gives it the id of the field's input plus `__error`). */
const fieldError = (page: Page, field: string) => page.locator(`#root_${field}__error`);

/** What a select shows as chosen (its label, not the stored value). */
const shownChoice = (page: Page, field: string) => page.locator(`#root_${field}`).locator("..").textContent();

const chooseOption = async (page: Page, label: string, title: string) => {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-item-option[title="${title}"]`).click();
};

const readOpportunity = async (id: string) =>
  (await admin.request<Opportunity>("GET", `/api/v1/records/opportunity/${id}`)).body;

describe("creating and editing a record through the generated form", () => {
  it("shows a missing required field, then creates the opportunity with a searched account", async () => {
    const errors: string[] = [];
    const page = await strictPage(browser, errors);
    await signIn(page, product.url, "admin", E2E_ADMIN_PASSWORD);
    await page.goto(`${product.url}/o/opportunity/new`);
    await formReady(page);

    await page.getByRole("button", { name: "Save" }).click();
    await expect(fieldError(page, "name").textContent()).resolves.toBe("Enter a value.");
    expect(page.url()).toMatch(/\/o\/opportunity\/new$/);

    await page.getByLabel("Opportunity Name", { exact: true }).fill("E2E Rollout");
    await fieldError(page, "name").waitFor({ state: "detached" });
    await page.getByLabel("Account", { exact: true }).click();
    await page.getByLabel("Account", { exact: true }).pressSequentially("Acme");
    await page.locator('.ant-select-item-option[title="Acme Retail Group"]').click();
    await chooseOption(page, "Stage", "Qualification");
    await page.getByLabel("Amount", { exact: true }).fill("50000");
    await page.getByLabel("Close Date", { exact: true }).fill("2026-12-31");
    await page.getByLabel("Close Date", { exact: true }).press("Tab");
    await page.getByRole("button", { name: "Save" }).click();

    await page.waitForURL(
      (url) => /^\/o\/opportunity\/[A-Za-z0-9_-]+$/.test(url.pathname) && !url.pathname.endsWith("/new"),
    );
    created = page.url().split("/").pop() ?? "";
    const record = await readOpportunity(created);
    expect(record).toMatchObject({
      name: "E2E Rollout",
      stage: "qualification",
      amount: 50000,
      account: { name: "Acme Retail Group" },
    });
    expect(errors).toEqual([]);
  });

  it("edits the opportunity, sending only the changed amount", async () => {
    const errors: string[] = [];
    const page = await strictPage(browser, errors);
    await signIn(page, product.url, "admin", E2E_ADMIN_PASSWORD);
    const before = await readOpportunity(created);
    await page.goto(`${product.url}/o/opportunity/${created}/edit`);
    await formReady(page);
    await expect(page.getByLabel("Opportunity Name", { exact: true }).inputValue()).resolves.toBe(
      "E2E Rollout",
    );
    await expect(shownChoice(page, "account")).resolves.toBe("Acme Retail Group");

    const patches: unknown[] = [];
    page.on("request", (request) => {
      if (request.method() === "PATCH") patches.push(request.postDataJSON());
    });
    await page.getByLabel("Amount", { exact: true }).fill("75000");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(new RegExp(`/o/opportunity/${created}$`));

    expect(patches).toEqual([{ amount: 75000 }]);
    const after = await readOpportunity(created);
    expect(after).toMatchObject({ amount: 75000, name: "E2E Rollout", version: before.version + 1 });
    expect(errors).toEqual([]);
  });

  it("offers to reload when someone else saved the record first, and keeps their change", async () => {
    const errors: string[] = [];
    const page = await strictPage(browser, errors);
    await signIn(page, product.url, "admin", E2E_ADMIN_PASSWORD);
    await page.goto(`${product.url}/o/opportunity/${created}/edit`);
    await formReady(page);

    // The "other tab": a save through the API between this form's load and its save.
    const loaded = await readOpportunity(created);
    const other = await admin.request(
      "PATCH",
      `/api/v1/records/opportunity/${created}`,
      { nextStep: "Call CFO" },
      {
        "if-match": String(loaded.version),
      },
    );
    expect(other.status).toBe(200);

    await page.getByLabel("Amount", { exact: true }).fill("99000");
    await page.getByRole("button", { name: "Save" }).click();
    const stale = page.getByRole("alert").filter({ hasText: "Someone else changed this record" });
    await stale.waitFor();
    expect(page.url()).toMatch(/\/edit$/);
    expect(await readOpportunity(created)).toMatchObject({ amount: 75000, nextStep: "Call CFO" });

    await stale.getByRole("button", { name: "Reload" }).click();
    await page.getByRole("alert").filter({ hasText: "Your change was not saved" }).waitFor();
    await expect(page.getByLabel("Next Step", { exact: true }).inputValue()).resolves.toBe("Call CFO");
    await expect(page.getByLabel("Amount", { exact: true }).inputValue()).resolves.toContain("75");

    await page.getByLabel("Amount", { exact: true }).fill("99000");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(new RegExp(`/o/opportunity/${created}$`));
    expect(await readOpportunity(created)).toMatchObject({ amount: 99000, nextStep: "Call CFO" });
    // The browser itself logs the refused request (409); nothing else may show up.
    expect(errors.filter((e) => !e.includes("409"))).toEqual([]);
  });
});
