/// <reference lib="dom" />
// (The functions handed to page.evaluate and addInitScript run in the browser: they are checked
// against the DOM.)
import type { Page } from "playwright-core";

/** What the page must show for a measured change to count as done (nothing: the next frame). */
export interface Shown {
  selector: string;
  /** Exactly this many elements match. */
  count?: number;
  /** At least this many elements match. */
  atLeast?: number;
  /** The first match's text content. */
  text?: string;
}

/** When a measurement starts: an event on its way in (capture phase on window), or a navigation. */
export type Start =
  | { kind: "event"; type: "input" | "keydown"; key?: string }
  | { kind: "navigation"; path: string };

/**
 * Milliseconds from the start until the page held what was expected (`domMs`, as a
 * MutationObserver sees the commit; with nothing expected, the start of the next animation frame,
 * when the event's own work is done) and until the frame showing it was drawn (`paintedMs`: the
 * first task after the next animation frame, so style, layout and paint are included).
 */
export interface Timing {
  domMs: number;
  paintedMs: number;
}

interface Armed {
  start: Start;
  shown: readonly Shown[];
  timeoutMs: number;
}

type BenchWindow = Window & { designerBench?: Promise<Timing> };

const LOAD_KEY = "tessera-designer-bench-load";

/** Arms one measurement in the page (runs in the browser). */
const arm = ({ start, shown, timeoutMs }: Armed): void => {
  const holds = () =>
    shown.every((s) => {
      const all = document.querySelectorAll(s.selector);
      if (s.count !== undefined && all.length !== s.count) return false;
      if (s.atLeast !== undefined && all.length < s.atLeast) return false;
      if (all.length === 0 && s.count !== 0) return false;
      return s.text === undefined || all[0]?.textContent === s.text;
    });
  (window as BenchWindow).designerBench = new Promise<Timing>((resolve, reject) => {
    let started: number | undefined;
    let done = false;
    const check = () => {
      if (done || started === undefined || !holds()) return;
      done = true;
      const from = started;
      const dom = shown.length === 0 ? undefined : performance.now();
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => {
        const frame = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () =>
          resolve({ domMs: (dom ?? frame) - from, paintedMs: performance.now() - from });
        channel.port2.postMessage(null);
      });
    };
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(
        new Error(
          `Not shown within ${timeoutMs} ms (started: ${started !== undefined}): ${JSON.stringify(shown)}`,
        ),
      );
    }, timeoutMs);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ["data-form-ready"],
    });
    if (start.kind === "navigation") {
      // What a click on a link does: the router follows popstate.
      started = performance.now();
      window.history.pushState({}, "", start.path);
      window.dispatchEvent(new PopStateEvent("popstate"));
      check();
      return;
    }
    const onStart = (event: Event) => {
      if (start.key !== undefined && (event as KeyboardEvent).key !== start.key) return;
      started = performance.now();
      window.removeEventListener(start.type, onStart, true);
      // Nothing to wait for: the next frame after the event is the measure.
      if (shown.length === 0) check();
    };
    window.addEventListener(start.type, onStart, true);
  });
};

/**
 * Measures in the page how long a change takes to show: arms the measurement, runs `act` (a key
 * press through Playwright; nothing for a navigation, which the page starts itself) and waits for
 * `shown`. Playwright's own latency is outside the measured span, which starts and ends in the page.
 */
export const measureInPage = async (
  page: Page,
  start: Start,
  shown: readonly Shown[],
  act: () => Promise<void> = async () => {},
  timeoutMs = 30_000,
): Promise<Timing> => {
  await page.evaluate(arm, { start, shown, timeoutMs });
  await act();
  return page.evaluate(() => (window as BenchWindow).designerBench as Promise<Timing>);
};

/** In each new document, waits for what `measurePageLoad` asked for (runs in the browser). */
const watchLoad = (key: string): void => {
  let wanted: string | null;
  try {
    wanted = window.sessionStorage.getItem(key);
  } catch {
    return; // about:blank and the like have no storage
  }
  if (wanted === null) return;
  window.sessionStorage.removeItem(key);
  const shown = JSON.parse(wanted) as Shown[];
  // The same test as arm's: each function runs in the browser on its own, so neither can share it.
  const holds = () =>
    shown.every((s) => {
      const all = document.querySelectorAll(s.selector);
      if (s.count !== undefined && all.length !== s.count) return false;
      if (s.atLeast !== undefined && all.length < s.atLeast) return false;
      if (all.length === 0 && s.count !== 0) return false;
      return s.text === undefined || all[0]?.textContent === s.text;
    });
  (window as BenchWindow).designerBench = new Promise<Timing>((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`Not shown within 60 s of the page load: ${wanted}`));
    }, 60_000);
    const observer = new MutationObserver(() => {
      if (!holds()) return;
      observer.disconnect();
      clearTimeout(timer);
      // performance.now() counts from the start of the navigation.
      const dom = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ domMs: dom, paintedMs: performance.now() });
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ["data-form-ready"],
    });
  });
};

/** Lets `measurePageLoad` work in this page's later documents; call once per page. */
export const watchPageLoads = async (page: Page): Promise<void> => {
  await page.addInitScript(watchLoad, LOAD_KEY);
};

/**
 * A full page load of `url` (same origin as the current page): milliseconds from the start of the
 * navigation until the page shows `shown`, measured by the new document itself.
 */
export const measurePageLoad = async (page: Page, url: string, shown: readonly Shown[]): Promise<Timing> => {
  await page.evaluate(([key, value]) => window.sessionStorage.setItem(key, value), [
    LOAD_KEY,
    JSON.stringify(shown),
  ] as const);
  await page.goto(url);
  const timing = await page.evaluate(() => (window as BenchWindow).designerBench);
  if (timing === undefined) throw new Error(`The page load of ${url} was not watched: call watchPageLoads`);
  return timing;
};

/** The median of some samples (the upper one of an even count). */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
