import type { Browser, Page } from "playwright-core";
import { type ApiSession, apiSession } from "./api-session.js";
import { launchBrowser, strictPage } from "./browser.js";
import { type ProductServer, startProduct } from "./product-server.js";

/** A product, a browser, the admin's API session and one page kept for a whole walk through the app. */
export interface Walkthrough {
  product: ProductServer;
  browser: Browser;
  admin: ApiSession;
  page: Page;
}

/** Starts everything a step-by-step browser test shares; `errors` collects the page's console errors. */
export const startWalkthrough = async (errors: string[]): Promise<Walkthrough> => {
  const [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
  return { product, browser, admin: await apiSession(product.url), page: await strictPage(browser, errors) };
};

export const stopWalkthrough = async (walk: Partial<Walkthrough>): Promise<void> => {
  await walk.browser?.close();
  await walk.product?.stop();
};
