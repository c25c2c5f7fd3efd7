/// <reference lib="dom" />
// (The functions handed to page.evaluate run in the browser: they are checked against the DOM.)
import type { Page } from "playwright-core";

/** Roles a user operates: each needs a name a screen reader can say. */
const CONTROL_ROLES = new Set([
  "button",
  "checkbox",
  "combobox",
  "link",
  "listbox",
  "menuitem",
  "menuitemcheckbox",
  "menuitemradio",
  "radio",
  "searchbox",
  "slider",
  "spinbutton",
  "switch",
  "tab",
  "textbox",
]);

interface AxValue {
  value?: unknown;
}

interface AxNode {
  ignored: boolean;
  role?: AxValue;
  name?: AxValue;
  backendDOMNodeId?: number;
}

interface DomNode {
  localName: string;
  attributes?: string[];
}

const describeNode = (node: DomNode): string => {
  const attributes = node.attributes ?? [];
  const pairs: string[] = [];
  for (let i = 0; i + 1 < attributes.length; i += 2) {
    const [name, value] = [attributes[i], attributes[i + 1]];
    if (name === "id" || name === "class" || name === "type" || name === "role")
      pairs.push(`${name}="${value}"`);
  }
  return `<${[node.localName, ...pairs].join(" ")}>`;
};

/**
 * The controls of the page without an accessible name, as Chromium computes it for assistive
 * technology (aria-label, aria-labelledby, an associated <label>, the text content, a title).
 * Controls hidden from the accessibility tree (aria-hidden, display: none) are not asked.
 */
export const unnamedControls = async (page: Page): Promise<string[]> => {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("Accessibility.enable");
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: AxNode[] };
    const unnamed = nodes.filter(
      (node) =>
        !node.ignored &&
        CONTROL_ROLES.has(String(node.role?.value)) &&
        String(node.name?.value ?? "").trim() === "",
    );
    return await Promise.all(
      unnamed.map(async (node) => {
        if (node.backendDOMNodeId === undefined) return String(node.role?.value);
        const { node: dom } = (await cdp.send("DOM.describeNode", {
          backendNodeId: node.backendDOMNodeId,
        })) as { node: DomNode };
        return `${String(node.role?.value)} ${describeNode(dom)}`;
      }),
    );
  } finally {
    await cdp.detach();
  }
};

/**
 * Elements that look clickable (pointer cursor) but that the keyboard cannot reach: neither they, an
 * element around them, nor one inside them is focusable. Such a target works with a mouse only.
 * Not counted: a number field's step arrows, whose keys are ArrowUp and ArrowDown in the field.
 */
export const mouseOnlyTargets = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const KEYBOARD_EQUIVALENT = ".ant-input-number-action";
    const FOCUSABLE =
      'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
    const ROVING = '[role="tab"], [role="menuitem"], [role="option"], [role="treeitem"]';
    const shown = (element: HTMLElement) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
    };
    const found: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      if (getComputedStyle(element).cursor !== "pointer" || !shown(element)) continue;
      // Only the outermost pointer element of a target: its children inherit the cursor.
      const parent = element.parentElement;
      if (parent !== null && getComputedStyle(parent).cursor === "pointer") continue;
      if (element.closest(FOCUSABLE) !== null || element.querySelector(FOCUSABLE) !== null) continue;
      // Roving focus (tabs, menus): one item is in the tab order, arrow keys move between them.
      if (element.closest(ROVING) !== null || element.querySelector(ROVING) !== null) continue;
      if (element.closest("[disabled], .ant-btn-disabled, [aria-disabled='true']") !== null) continue;
      if (element.closest(KEYBOARD_EQUIVALENT) !== null) continue;
      const text = element.textContent?.trim().slice(0, 40) ?? "";
      found.push(`<${element.tagName.toLowerCase()} class="${element.className}"> "${text}"`);
    }
    return found;
  });
