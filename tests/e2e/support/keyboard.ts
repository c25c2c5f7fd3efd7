/// <reference lib="dom" />
// (The functions handed to page.evaluate run in the browser: they are checked against the DOM.)
import type { Locator, Page } from "playwright-core";

/** The focused element in a few words, for a failure message. */
export const describeFocus = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (element === null || element === document.body) return "the page body";
    const name = element.getAttribute("aria-label") ?? element.textContent?.trim().slice(0, 40) ?? "";
    return `<${element.tagName.toLowerCase()}${element.id === "" ? "" : ` id="${element.id}"`}> "${name}"`;
  });

/** Whether the keyboard focus is on the element or inside it (a select's input inside its frame). */
export const hasFocus = (target: Locator): Promise<boolean> =>
  target.evaluate(
    (element) => element === document.activeElement || element.contains(document.activeElement),
    undefined,
    { timeout: 5_000 },
  );

/**
 * Presses Tab (or Shift+Tab) until the focus is on the target, one key at a time: the target is
 * reachable in the page's tab order, without a mouse.
 */
export const tabTo = async (
  page: Page,
  target: Locator,
  { backwards = false, max = 80 }: { backwards?: boolean; max?: number } = {},
): Promise<void> => {
  const key = backwards ? "Shift+Tab" : "Tab";
  for (let presses = 0; presses < max; presses += 1) {
    await page.keyboard.press(key);
    if (await hasFocus(target)) return;
  }
  throw new Error(`${max} × ${key} did not reach ${target}; the focus is on ${await describeFocus(page)}`);
};

export interface FocusIndicator {
  /** The element that carries the indicator: the focused one, or the frame of its control. */
  carrier: string;
  outline: string;
  boxShadow: string;
  visible: boolean;
}

/**
 * How the focused element shows its focus. antd draws it on the control's frame for inputs inside
 * one (select, date picker, number, input with a clear button), so the frame counts as well.
 * Visible means an outline at least 1px wide, or a box shadow with a spread of at least 1px, in a
 * colour at least half opaque (antd's faint 6% glow alone does not count).
 */
export const focusIndicator = (page: Page): Promise<FocusIndicator> =>
  page.evaluate(() => {
    const FRAMES =
      ".ant-select, .ant-picker, .ant-input-number, .ant-input-affix-wrapper, .ant-checkbox-wrapper, .ant-tabs-tab";
    const alpha = (color: string): number => {
      const parts = color
        .match(/rgba?\(([^)]*)\)/)?.[1]
        ?.split(/[\s,/]+/)
        .filter((p) => p !== "");
      if (parts === undefined) return color === "transparent" ? 0 : 1;
      return parts.length > 3 ? Number(parts[3]) : 1;
    };
    const shadowShows = (shadow: string): boolean =>
      shadow !== "none" &&
      shadow.split(/,(?![^(]*\))/).some((one) => {
        if (one.includes("inset")) return false;
        const color = one.match(/rgba?\([^)]*\)/)?.[0] ?? "rgb(0, 0, 0)";
        const lengths = one.replace(color, "").match(/-?[\d.]+px/g) ?? [];
        return alpha(color) >= 0.5 && Number.parseFloat(lengths[3] ?? "0") >= 1;
      });
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement) || focused === document.body) {
      return { carrier: "nothing focused", outline: "", boxShadow: "", visible: false };
    }
    const frame = focused.closest(FRAMES);
    const candidates = frame instanceof HTMLElement && frame !== focused ? [focused, frame] : [focused];
    const measured = candidates.map((element) => {
      const style = getComputedStyle(element);
      const outlined =
        style.outlineStyle !== "none" &&
        Number.parseFloat(style.outlineWidth) >= 1 &&
        alpha(style.outlineColor) >= 0.5;
      return {
        carrier: `<${element.tagName.toLowerCase()} class="${element.className}">`,
        outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        boxShadow: style.boxShadow,
        visible: outlined || shadowShows(style.boxShadow),
      };
    });
    return measured.find((m) => m.visible) ?? (measured[0] as (typeof measured)[number]);
  });
