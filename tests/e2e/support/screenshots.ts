import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";

/** Where the README's screenshots live. */
export const SCREENSHOT_DIR = join(import.meta.dirname, "../../../docs/screenshots");

/** Screenshots are taken only on request, so an ordinary run leaves the working tree alone. */
export const screenshotsWanted = (): boolean => process.env.TESSERA_SCREENSHOTS === "1";

/**
 * Saves what the page shows now (the 1366×900 viewport, not the full page, to keep the files small)
 * as docs/screenshots/<name>.png, when TESSERA_SCREENSHOTS=1; otherwise does nothing.
 */
export const screenshot = async (page: Page, name: string): Promise<void> => {
  if (!screenshotsWanted()) return;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) throw new Error(`Screenshot names are kebab-case: ${name}`);
  await page.setViewportSize({ width: 1366, height: 900 });
  // Text drawn in a fallback font before the real one has loaded would be in the picture.
  await page.waitForFunction("document.fonts.status === 'loaded'");
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOT_DIR, `${name}.png`),
    fullPage: false,
    animations: "disabled",
    caret: "hide",
  });
};
