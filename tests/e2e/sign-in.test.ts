import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn, strictPage } from "./support/browser.js";
import { E2E_ADMIN_PASSWORD, type ProductServer, startProduct } from "./support/product-server.js";

let product: ProductServer;
let browser: Browser;
beforeAll(async () => {
  [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

describe("signing in to the runtime", () => {
  it("refuses a wrong password on the page, then signs in and shows the user's objects", async () => {
    const errors: string[] = [];
    const page = await strictPage(browser, errors);
    await page.goto(product.url);
    await page.getByLabel("Username").fill("admin");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain(
      "Wrong tenant, username or password",
    );
    await signIn(page, product.url, "admin", E2E_ADMIN_PASSWORD);
    await expect(page.getByRole("link", { name: "Opportunities" }).first().isVisible()).resolves.toBe(true);
    // 401s of the wrong password are expected console noise of the browser, nothing else is.
    expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
  });

  it("switches to Chinese and back, remembered for the user", async () => {
    const errors: string[] = [];
    const page = await strictPage(browser, errors);
    await signIn(page, product.url, "admin", E2E_ADMIN_PASSWORD);
    await page.getByLabel("Language").first().click();
    await page.getByTitle("简体中文").click();
    await page.getByRole("heading", { level: 2 }).filter({ hasText: "欢迎" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 2 }).filter({ hasText: "欢迎" }).waitFor();
    expect(await page.getByRole("link", { name: "商机" }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
