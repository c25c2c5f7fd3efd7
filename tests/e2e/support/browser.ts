import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

/** System Chromium: `CHROMIUM_PATH`, else Debian's /usr/bin/chromium. */
export const chromiumPath = (): string => {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path))
    throw new Error(`No Chromium at ${path}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  return path;
};

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath(), headless: true, args: ["--no-sandbox", "--lang=en-US"] });

/**
 * A page that fails the test on any console error or uncaught exception (a CSP violation or a
 * crash in the app shows up there first).
 */
export const strictPage = async (browser: Browser, errors: string[]): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "en-US" });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return page;
};

/** Signs in through the sign-in page. */
export const signIn = async (
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> => {
  await page.goto(baseUrl);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 2 }).filter({ hasText: "Welcome" }).waitFor();
};
