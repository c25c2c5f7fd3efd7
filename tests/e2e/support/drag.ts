/// <reference lib="dom" />
// (The functions handed to page.evaluate run in the browser: they are checked against the DOM.)
import type { Locator, Page } from "playwright-core";

export type DropAt = "above" | "below" | "center";

const center = async (target: Locator) => {
  const box = await target.boundingBox();
  if (box === null) throw new Error("The drag source or target is not visible");
  return box;
};

/**
 * Drags `source` onto `target` with the mouse the way a person does: press, move in small steps
 * (dnd-kit's pointer sensor starts a drag only after 5 px), pause over the target, release.
 * `at` aims at the target's upper or lower quarter, which sortable lists read as before or after.
 */
export const pointerDrag = async (page: Page, source: Locator, target: Locator, at: DropAt = "center") => {
  // Both in view and away from the window's edges, where dnd-kit scrolls the page while an item
  // is held: scroll to the middle between them.
  const sourceTop = await source.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  const targetTop = await target.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  await page.evaluate(
    (middle) => window.scrollTo(0, middle - window.innerHeight / 2),
    (sourceTop + targetTop) / 2,
  );
  await page.waitForTimeout(100);
  const from = await center(source);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(50);
  await page.mouse.move(from.x + from.width / 2 + 8, from.y + from.height / 2 + 8, { steps: 4 });
  // Let the app render the lifted item before moving on (a busy machine renders late).
  await page.waitForTimeout(150);
  const to = await center(target);
  const y =
    at === "above"
      ? to.y + to.height * 0.25
      : at === "below"
        ? to.y + to.height * 0.75
        : to.y + to.height / 2;
  const scrolled = () => page.evaluate(() => window.scrollY);
  const before = await scrolled();
  await page.mouse.move(to.x + to.width / 2, y, { steps: 24 });
  await page.waitForTimeout(250);
  // If the page scrolled on the way, the target moved with it (a sortable target also moves
  // out of the way of the dragged item, so it is not measured again).
  const shift = (await scrolled()) - before;
  await page.mouse.move(to.x + to.width / 2, y - shift + 1, { steps: 4 });
  await page.waitForTimeout(150);
  await page.mouse.up();
  await page.waitForTimeout(150);
};

/**
 * Drags with the keyboard only, as dnd-kit's keyboard sensor expects: focus the handle, Space
 * lifts, each key of `moves` (e.g. ["ArrowDown", "ArrowDown"]) moves, Space drops.
 */
export const keyboardDrag = async (page: Page, handle: Locator, moves: readonly string[]) => {
  await handle.focus();
  await page.keyboard.press("Space");
  await page.waitForTimeout(100);
  for (const key of moves) {
    await page.keyboard.press(key);
    await page.waitForTimeout(80);
  }
  await page.keyboard.press("Space");
  await page.waitForTimeout(100);
};
