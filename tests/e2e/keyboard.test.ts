/// <reference lib="dom" />
// (The functions handed to page.evaluate run in the browser: they are checked against the DOM.)
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mouseOnlyTargets, unnamedControls } from "./support/accessible-names.js";
import type { ApiSession } from "./support/api-session.js";
import { strictPage } from "./support/browser.js";
import { describeFocus, focusIndicator, hasFocus, tabTo } from "./support/keyboard.js";
import { E2E_ADMIN_PASSWORD, type ProductServer } from "./support/product-server.js";
import { startWalkthrough, stopWalkthrough } from "./support/walkthrough.js";

let product: ProductServer;
let browser: Browser;
let admin: ApiSession;

/** One page for the whole walk, signed in once, as a keyboard user would work through the day. */
let page: Page;
const errors: string[] = [];
/** The opportunity created through the form. */
let created = "";
const NAME = "Keyboard rollout";

beforeAll(async () => {
  ({ product, browser, admin, page } = await startWalkthrough(errors));
}, 120_000);
afterAll(() => stopWalkthrough({ product, browser }));

/** The focused element shows its focus (polled: antd animates its focus styles in). */
const expectVisibleFocus = async (what: string) => {
  await expect
    .poll(async () => (await focusIndicator(page)).visible, { message: `a visible focus on ${what}` })
    .toBe(true);
};

const expectFocusOn = async (target: Locator) => {
  if (!(await hasFocus(target)))
    throw new Error(`Expected the focus on ${target}, not on ${await describeFocus(page)}`);
};

/** Presses a key until the focus is on the target (arrow keys inside tabs or menus). */
const arrowTo = async (key: string, target: Locator) => {
  for (let presses = 0; presses < 8 && !(await hasFocus(target)); presses += 1)
    await page.keyboard.press(key);
  await expectFocusOn(target);
};

/** The option an open select has marked for Enter (its aria-activedescendant). */
const markedOption = (select: Locator) =>
  select.evaluate((input) => {
    const id = input.getAttribute("aria-activedescendant");
    const option = id === null || id === "" ? null : document.getElementById(id);
    return option?.getAttribute("aria-label") ?? option?.textContent?.trim() ?? "";
  });

/** Moves the mark of an open select down to the option, then picks it with Enter. */
const pickWithArrows = async (select: Locator, option: string) => {
  for (let presses = 0; presses < 20 && (await markedOption(select)) !== option; presses += 1) {
    await page.keyboard.press("ArrowDown");
  }
  expect(await markedOption(select)).toBe(option);
  await page.keyboard.press("Enter");
};

/** What a select shows as chosen. */
const shownChoice = (select: Locator) =>
  select.evaluate((input) => input.closest(".ant-select")?.textContent?.trim() ?? "");

const recordHeading = () => page.getByRole("heading", { level: 2, name: NAME });

describe("the runtime without a mouse", () => {
  it("signs in with Tab, typing and Enter", async () => {
    await page.goto(product.url);
    const username = page.getByLabel("Username");
    await username.waitFor();
    // The tenant comes filled in, so the cursor starts in the username.
    await expectFocusOn(username);
    await expectVisibleFocus("the username input");
    await page.keyboard.press("Shift+Tab");
    await expectFocusOn(page.getByLabel("Tenant"));
    await page.keyboard.press("Tab");
    await expectFocusOn(username);
    await page.keyboard.type("admin");
    await page.keyboard.press("Tab");
    await expectFocusOn(page.getByLabel("Password"));
    await page.keyboard.type(E2E_ADMIN_PASSWORD);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2 }).filter({ hasText: "Welcome" }).waitFor();
    expect(errors).toEqual([]);
  });

  it("searches from the shell, opens Opportunities from the navigation, sorts, and opens New", async () => {
    const search = page.getByRole("searchbox", { name: "Search records" });
    await tabTo(page, search);
    await expectVisibleFocus("the global search");
    await page.keyboard.type("Acme");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\?q=Acme$/);
    // Its buttons are named in words, not after their icons ("close-circle", "search").
    const banner = page.getByRole("banner");
    await tabTo(page, banner.getByRole("button", { name: "Clear", exact: true }));
    await tabTo(page, banner.getByRole("button", { name: "Search", exact: true }));

    const opportunities = page.getByRole("navigation", { name: "Sales" }).getByRole("link", {
      name: "Opportunities",
    });
    await tabTo(page, opportunities);
    await expectVisibleFocus("a navigation link");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "All Opportunities" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/o/opportunity");

    const amount = page.getByRole("columnheader", { name: "Amount" });
    await tabTo(page, amount);
    await expectVisibleFocus("a sortable column header");
    await page.keyboard.press("Enter");
    await page.waitForURL(/sort=amount/);
    await expect.poll(() => amount.getAttribute("aria-sort")).toBe("ascending");
    await expectFocusOn(amount);
    await page.keyboard.press("Enter");
    await page.waitForURL(/sort=-amount/);
    await expect.poll(() => amount.getAttribute("aria-sort")).toBe("descending");

    const newRecord = page.getByRole("main").getByRole("button", { name: "New" });
    await tabTo(page, newRecord, { backwards: true });
    await expectVisibleFocus("the New button");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/o\/opportunity\/new$/);
    await page.locator("[data-form-ready]").waitFor();
    expect(errors).toEqual([]);
  });

  it("fills the form, picks a stage and a searched account, and saves, all by keyboard", async () => {
    await tabTo(page, page.getByLabel("Opportunity Name", { exact: true }));
    await expectVisibleFocus("a text input");
    await page.keyboard.type(NAME);

    const stage = page.getByLabel("Stage", { exact: true });
    await tabTo(page, stage);
    await expectVisibleFocus("a picklist");
    await page.keyboard.press("ArrowDown");
    await pickWithArrows(stage, "Qualification");
    await expect.poll(() => shownChoice(stage)).toBe("Qualification");

    // A lookup that is not required: picked from its list, then cleared with Backspace.
    const contact = page.getByLabel("Primary Contact", { exact: true });
    await tabTo(page, contact);
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => markedOption(contact)).not.toBe("");
    const someone = await markedOption(contact);
    await page.keyboard.press("Enter");
    await expect.poll(() => shownChoice(contact)).toBe(someone);
    await page.keyboard.press("Backspace");
    await expect.poll(() => shownChoice(contact)).not.toContain(someone);

    const closeDate = page.getByLabel("Close Date", { exact: true });
    await tabTo(page, closeDate);
    await expectVisibleFocus("a date input");
    await page.keyboard.type("2026-12-31");
    await page.keyboard.press("Enter");
    await expect.poll(() => closeDate.inputValue()).toBe("2026-12-31");

    const account = page.getByLabel("Account", { exact: true });
    await tabTo(page, account);
    await expectVisibleFocus("a lookup");
    await page.keyboard.type("Acme");
    await page.getByRole("option", { name: "Acme Retail Group" }).waitFor({ state: "attached" });
    await page.keyboard.press("ArrowDown");
    await pickWithArrows(account, "Acme Retail Group");
    await expect.poll(() => shownChoice(account)).toBe("Acme Retail Group");

    // A number steps with the arrow keys, as its mouse-only spinner buttons do.
    const amount = page.getByLabel("Amount", { exact: true });
    await tabTo(page, amount);
    await expectVisibleFocus("a number input");
    await page.keyboard.type("1499999");
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => amount.getAttribute("aria-valuenow")).toBe("1500000");

    const save = page.getByRole("button", { name: "Save" });
    await tabTo(page, save);
    await expectVisibleFocus("the Save button");
    await page.keyboard.press("Enter");
    await page.waitForURL(
      (url) => /^\/o\/opportunity\/[A-Za-z0-9_-]+$/.test(url.pathname) && !url.pathname.endsWith("/new"),
    );
    await recordHeading().waitFor();
    created = new URL(page.url()).pathname.split("/").pop() ?? "";
    const saved = await admin.request("GET", `/api/v1/records/opportunity/${created}`);
    expect(saved.body).toMatchObject({
      name: NAME,
      stage: "qualification",
      closeDate: "2026-12-31",
      amount: 1_500_000,
      account: { name: "Acme Retail Group" },
    });
    expect(errors).toEqual([]);
  });

  it("on the record page, opens History and Approval, submits, prints and edits by keyboard", async () => {
    // Not an exact name: a focused tab adds "Tab 1 of 4" to it for screen readers.
    const tab = (name: string) => page.getByRole("tab", { name });
    // The tabs are one stop in the tab order; the arrow keys move between them, Enter opens one.
    await tabTo(page, tab("Details"));
    await expectVisibleFocus("a tab");
    await arrowTo("ArrowRight", tab("History"));
    await page.keyboard.press("Enter");
    await expect.poll(() => tab("History").getAttribute("aria-selected")).toBe("true");
    await page.getByRole("tabpanel").getByRole("columnheader", { name: "Field" }).waitFor();

    await arrowTo("ArrowRight", tab("Approval"));
    await page.keyboard.press("Enter");
    await expect.poll(() => tab("Approval").getAttribute("aria-selected")).toBe("true");
    const panel = page.getByRole("tabpanel");
    await tabTo(page, panel.getByRole("textbox", { name: "Comment" }));
    await expectVisibleFocus("a text area");
    await page.keyboard.type("Please review");
    await tabTo(page, panel.getByRole("button", { name: "Submit for approval" }));
    await page.keyboard.press("Enter");
    await page.getByText("Pending approval").first().waitFor();

    // The print menu opens from its button and takes the focus, so the arrow keys pick a template.
    await tabTo(page, page.getByRole("button", { name: "Print" }), { backwards: true });
    await page.keyboard.press("Enter");
    const dealSheet = page.getByRole("menuitem", { name: "Deal sheet" });
    await dealSheet.waitFor();
    await arrowTo("ArrowDown", dealSheet);
    await page.keyboard.press("Enter");
    const preview = page.getByRole("dialog", { name: "Deal sheet" });
    await preview.waitFor();
    await expectFocusOn(preview);
    await page.keyboard.press("Escape");
    await preview.waitFor({ state: "hidden" });

    const edit = page.getByRole("toolbar", { name: "Record actions" }).getByRole("button", { name: "Edit" });
    await tabTo(page, edit);
    await expectVisibleFocus("the Edit button");
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/o/opportunity/${created}/edit$`));
    await page.locator("[data-form-ready]").waitFor();
    await expect(page.getByLabel("Opportunity Name", { exact: true }).inputValue()).resolves.toBe(NAME);
    expect(errors).toEqual([]);
  });

  it("approves from the inbox and opens the notification by keyboard", async () => {
    await tabTo(
      page,
      page.getByRole("navigation", { name: "Sales" }).getByRole("link", { name: "Approvals" }),
    );
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "Approvals" }).waitFor();
    await tabTo(page, page.getByRole("button", { name: `Approve ${NAME}` }));
    await expectVisibleFocus("the Approve button");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    // The dialog puts the cursor in its comment; Tab leads on to its buttons.
    await expectFocusOn(dialog.getByRole("textbox", { name: "Comment" }));
    await page.keyboard.type("Fine by me");
    await tabTo(page, dialog.getByRole("button", { name: "Approve" }));
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: `Approve ${NAME}` }).waitFor({ state: "detached" });
    const approval = await admin.request<{ status: string }>(
      "GET",
      `/api/v1/records/opportunity/${created}/approval`,
    );
    expect(approval.body.status).toBe("approved");

    // The approval notifies its submitter (a background job); the bell leads to it.
    const unread = async () =>
      (await admin.request<{ unread: number }>("GET", "/api/v1/notifications")).body.unread;
    await expect.poll(unread).toBeGreaterThan(0);
    const before = await unread();
    await tabTo(page, page.getByRole("link", { name: /^Notifications/ }), { backwards: true });
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/notifications$/);
    const markRead = page.getByRole("button", { name: "Mark read" }).first();
    await tabTo(page, markRead);
    await page.keyboard.press("Enter");
    await expect.poll(unread).toBe(before - 1);
    expect(errors).toEqual([]);
  });

  it("finds an unnamed control or a mouse-only target when there is one", async () => {
    await page.evaluate(() => {
      const probe = document.createElement("div");
      probe.id = "probe";
      probe.innerHTML =
        '<input id="probe-input"><span class="probe-target" style="cursor: pointer; display: inline-block; width: 20px; height: 20px"></span>';
      document.body.append(probe);
    });
    try {
      expect(await unnamedControls(page)).toContain('textbox <input id="probe-input">');
      expect(await mouseOnlyTargets(page)).toContain('<span class="probe-target"> ""');
    } finally {
      await page.evaluate(() => document.getElementById("probe")?.remove());
    }
  });

  it("names every control and has nothing clickable out of the keyboard's reach, on every screen", async () => {
    const found: Record<string, { unnamed: string[]; mouseOnly: string[] }> = {};
    const check = async (screen: string) => {
      await page.waitForLoadState("networkidle");
      // At rest: an open (or closing) dropdown's option list is not part of the screen.
      await page.locator(".ant-select-dropdown:visible").waitFor({ state: "detached" });
      found[screen] = { unnamed: await unnamedControls(page), mouseOnly: await mouseOnlyTargets(page) };
    };
    const open = async (path: string, ready: Locator) => {
      await page.goto(`${product.url}${path}`);
      await ready.waitFor();
    };

    await open("/o/opportunity", page.getByRole("heading", { name: "All Opportunities" }));
    await page.getByRole("button", { name: "Add filter" }).click();
    await page.getByRole("combobox", { name: "Field" }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="Stage"]').click();
    await page.getByRole("combobox", { name: "Value" }).waitFor();
    await check("list with a filter row");
    await open("/o/opportunity/new", page.locator("[data-form-ready]"));
    await check("new form");
    await open(`/o/opportunity/${created}/edit`, page.locator("[data-form-ready]"));
    await check("edit form");
    await open(`/o/opportunity/${created}`, recordHeading());
    for (const name of ["Details", "History", "Approval"]) {
      await page.getByRole("tab", { name }).click();
      await check(`record: ${name}`);
    }
    const account = (
      await admin.request<{ account: { id: string } }>("GET", `/api/v1/records/opportunity/${created}`)
    ).body.account.id;
    await open(`/o/account/${account}`, page.getByRole("heading", { level: 2, name: "Acme Retail Group" }));
    await page.getByRole("tab", { name: "Related" }).click();
    await page.getByRole("link", { name: NAME }).waitFor();
    await check("record: Related");
    await open("/approvals", page.getByRole("heading", { level: 2, name: "Approvals" }));
    await check("approvals");
    await open("/notifications", page.getByRole("heading", { level: 2, name: "Notifications" }));
    await check("notifications");
    await open("/search?q=Acme", page.getByRole("link", { name: "Acme Retail Group" }).first());
    await check("search");
    await open("/", page.getByRole("heading", { level: 2 }).filter({ hasText: "Welcome" }));
    await check("home");

    const signedOut = await strictPage(browser, errors);
    await signedOut.goto(product.url);
    await signedOut.getByLabel("Username").waitFor();
    found["sign-in"] = {
      unnamed: await unnamedControls(signedOut),
      mouseOnly: await mouseOnlyTargets(signedOut),
    };
    await signedOut.context().close();

    const clean = Object.fromEntries(
      Object.keys(found).map((screen) => [screen, { unnamed: [], mouseOnly: [] }]),
    );
    expect(found).toEqual(clean);
    expect(errors).toEqual([]);
  });
});
