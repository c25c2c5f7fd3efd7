import type { ApprovalProcess } from "@tessera/metadata";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiSession } from "./support/api-session.js";
import { signIn, strictPage } from "./support/browser.js";
import { E2E_ADMIN_PASSWORD, type ProductServer } from "./support/product-server.js";
import { screenshot } from "./support/screenshots.js";
import { startWalkthrough, stopWalkthrough } from "./support/walkthrough.js";

/**
 * The journey through the demo tenant, one step after the other on the same record: create
 * an opportunity through the generated form (fixing a validation error), find it in the list by
 * filter and search, edit it, submit it for approval, approve it from the inbox as the approver, see
 * the outcome and its notification, and read the screens in Chinese.
 */

const MANAGER = { username: "mgr", name: "Morgan Manager", password: "mgr-e2e-password" };
const DEAL = "Journey turbine retrofit";
const NEXT_STEP = "Send the signed order form";

let product: ProductServer;
let browser: Browser;
let admin: ApiSession;
/** The admin's page, kept from step to step, and what its console said (each step checks and empties it). */
let page: Page;
const errors: string[] = [];
/** The opportunity the journey creates. */
let dealId = "";

beforeAll(async () => {
  ({ product, browser, admin, page } = await startWalkthrough(errors));
}, 120_000);
afterAll(() => stopWalkthrough({ product, browser }));

const nav = (on: Page) => on.getByRole("navigation", { name: /^(Sales|销售)$/ });

/** The value shown next to a field's label on the record page. */
const shownValue = (on: Page, label: string) =>
  on
    .locator(".record-field")
    .filter({ has: on.locator("dt").getByText(label, { exact: true }) })
    .locator("dd");

/** Opens an antd select by its accessible name and picks an option by its text. */
const choose = async (on: Page, name: string, option: string) => {
  await on.getByRole("combobox", { name, exact: true }).click();
  await on.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
};

const listRange = (on: Page, text: string) =>
  on.getByRole("navigation", { name: "Pages" }).getByText(text, { exact: true }).waitFor();

const listedNames = (on: Page) =>
  on.locator(".ant-table-tbody tr.ant-table-row td a[href^='/o/opportunity/']").allTextContents();

const openTab = async (on: Page, name: string) => {
  await on.getByRole("tab", { name }).click();
  return on.getByRole("tabpanel", { name });
};

describe("the demo tenant's sales journey in the browser", () => {
  it("1. set-up through the API: a manager user approves large deals", async () => {
    const created = await admin.request("POST", "/api/v1/users", {
      username: MANAGER.username,
      name: MANAGER.name,
      email: "mgr@demo.example.com",
      profile: "standardUser",
      password: MANAGER.password,
    });
    expect(created.status).toBe(201);
    // The demo tenant's process as published (the sales template's), with the manager as approver.
    const current = await admin.request("GET", "/api/v1/metadata/draft/documents");
    const documents = (current.body as { documents: Array<{ document: ApprovalProcess }> }).documents;
    const review = documents
      .map((d) => d.document)
      .find((d) => d.kind === "approvalProcess" && d.name === "largeDealReview");
    if (review === undefined) throw new Error("The demo has no largeDealReview process");
    const document = {
      ...review,
      steps: review.steps.map((step) => ({
        ...step,
        approvers: [{ type: "user", user: MANAGER.username }],
      })),
    };
    const draft = await admin.request(
      "PUT",
      "/api/v1/metadata/draft/approvalProcess/largeDealReview",
      document,
    );
    expect(draft.status).toBe(200);
    const published = await admin.request("POST", "/api/v1/metadata/publish", {});
    expect(published.status).toBe(200);
  });

  it("2. creates an opportunity through the generated form, fixing a missing required field", async () => {
    await page.goto(product.url);
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await screenshot(page, "sign-in");
    await signIn(page, product.url, "admin", E2E_ADMIN_PASSWORD);

    await nav(page).getByRole("link", { name: "Opportunities" }).click();
    await page.getByRole("heading", { level: 2, name: "All Opportunities" }).waitFor();
    // The sales template's 13 sample opportunities.
    await listRange(page, "1–13 of 13");
    await screenshot(page, "list-view");

    await page.getByRole("button", { name: "New" }).click();
    await page.waitForURL(/\/o\/opportunity\/new$/);
    await page.locator("[data-form-ready]").waitFor();
    // Everything but the required name.
    const account = page.getByLabel("Account", { exact: true });
    await account.click();
    await account.pressSequentially("Acme");
    await page.locator('.ant-select-item-option[title="Acme Retail Group"]').click();
    await page.getByLabel("Stage", { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="Negotiation"]').click();
    await page.getByLabel("Amount", { exact: true }).fill("2000000");
    const closeDate = page.getByLabel("Close Date", { exact: true });
    await closeDate.fill("2027-03-31");
    await closeDate.press("Tab");
    await page.getByRole("button", { name: "Save" }).click();
    const nameError = page.locator("#root_name__error");
    await expect(nameError.textContent()).resolves.toBe("Enter a value.");
    expect(page.url()).toMatch(/\/o\/opportunity\/new$/);
    await screenshot(page, "create-form-error");

    await page.getByLabel("Opportunity Name", { exact: true }).fill(DEAL);
    await nameError.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(
      (url) => /^\/o\/opportunity\/[A-Za-z0-9_-]+$/.test(url.pathname) && !url.pathname.endsWith("/new"),
    );
    dealId = page.url().split("/").pop() ?? "";
    await page.getByRole("heading", { level: 2, name: DEAL }).waitFor();

    // Formatted for an English reader: currency with grouping, the stage's label, a medium date,
    // the account as a link to it.
    await expect(shownValue(page, "Amount").textContent()).resolves.toMatch(/2,000,000\.00/);
    await expect(shownValue(page, "Stage").textContent()).resolves.toBe("Negotiation");
    await expect(shownValue(page, "Close Date").textContent()).resolves.toBe("Mar 31, 2027");
    const accountLink = shownValue(page, "Account").getByRole("link", { name: "Acme Retail Group" });
    expect(await accountLink.getAttribute("href")).toMatch(/^\/o\/account\/[A-Za-z0-9_-]+$/);
    expect(errors.splice(0)).toEqual([]);
  });

  it("3. finds the new opportunity in the list by a stage filter and a search, and opens it", async () => {
    await nav(page).getByRole("link", { name: "Opportunities" }).click();
    await page.getByRole("heading", { level: 2, name: "All Opportunities" }).waitFor();
    await listRange(page, "1–14 of 14");

    await page.getByRole("button", { name: "Add filter" }).click();
    await choose(page, "Field", "Stage");
    await choose(page, "Value", "Negotiation");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/filter=/);
    await expect.poll(() => listedNames(page)).toContain(DEAL);

    const search = page.getByRole("searchbox", { name: "Search this list" });
    await search.fill("turbine retrofit");
    await search.press("Enter");
    await listRange(page, "1–1 of 1");
    expect(await listedNames(page)).toEqual([DEAL]);

    await page.getByRole("link", { name: DEAL }).click();
    await page.waitForURL(new RegExp(`/o/opportunity/${dealId}$`));
    await page.getByRole("heading", { level: 2, name: DEAL }).waitFor();
    expect(errors.splice(0)).toEqual([]);
  });

  it("4. edits the next step and sees the change on the page and in the history", async () => {
    const actions = page.getByRole("toolbar", { name: "Record actions" });
    await actions.getByRole("button", { name: "Edit" }).click();
    await page.waitForURL(new RegExp(`/o/opportunity/${dealId}/edit$`));
    await page.locator("[data-form-ready]").waitFor();
    await page.getByLabel("Next Step", { exact: true }).fill(NEXT_STEP);
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(new RegExp(`/o/opportunity/${dealId}$`));
    await expect.poll(() => shownValue(page, "Next Step").textContent()).toBe(NEXT_STEP);

    const history = await openTab(page, "History");
    const change = history.getByRole("row").filter({ hasText: NEXT_STEP });
    await change.waitFor();
    expect(await change.getByRole("cell").nth(1).textContent()).toBe("Next Step");
    // The user's name replaces their id once it has been looked up.
    await expect.poll(() => change.getByRole("cell").nth(3).textContent()).toBe("Administrator");
    expect(errors.splice(0)).toEqual([]);
  });

  it("5. submits the opportunity for approval with a comment: pending, waiting for the manager", async () => {
    const actions = page.getByRole("toolbar", { name: "Record actions" });
    await actions.getByRole("button", { name: "Submit for approval" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Comment" }).fill("Two million, needs a manager");
    await dialog.getByRole("button", { name: "Submit for approval" }).click();
    await dialog.waitFor({ state: "detached" });

    await page.locator(".record-header").getByText("Pending approval", { exact: true }).waitFor();
    expect(await actions.getByRole("button", { name: "Submit for approval" }).count()).toBe(0);
    const panel = await openTab(page, "Approval");
    await panel.getByText("Large deal review", { exact: true }).waitFor();
    await panel.getByText("Sales lead", { exact: true }).first().waitFor();
    await panel.getByText(MANAGER.name).first().waitFor();
    await panel.getByText("Two million, needs a manager").waitFor();
    // Locked: the banner says so, but an administrator may still change it: Edit stays, and the
    // edit form warns that the record waits for approval.
    await page.getByText("This record is locked while it waits for approval.").waitFor();
    await actions.getByRole("button", { name: "Edit" }).click();
    await page.waitForURL(new RegExp(`/o/opportunity/${dealId}/edit$`));
    await page
      .getByRole("alert")
      .filter({ hasText: "This record is locked while it waits for approval" })
      .waitFor();
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.waitForURL(new RegExp(`/o/opportunity/${dealId}$`));
    await page.locator(".record-header").getByText("Pending approval", { exact: true }).waitFor();
    expect(errors.splice(0)).toEqual([]);
  });

  it("6. the manager signs in, finds the request under Approvals and approves it with a comment", async () => {
    const managerErrors: string[] = [];
    const manager = await strictPage(browser, managerErrors);
    await signIn(manager, product.url, MANAGER.username, MANAGER.password);
    await nav(manager).getByRole("link", { name: "Approvals" }).click();
    await manager.waitForURL(/\/approvals$/);
    await manager.getByRole("heading", { level: 2, name: "Approvals" }).waitFor();
    const row = manager.getByRole("row").filter({ hasText: DEAL });
    await row.waitFor();
    for (const shown of ["Opportunity", "Large deal review", "Sales lead", "Administrator"])
      expect(await row.textContent()).toContain(shown);
    await screenshot(manager, "approvals-inbox");

    await row.getByRole("button", { name: `Approve ${DEAL}` }).click();
    const decision = manager.getByRole("dialog");
    await decision.getByRole("textbox", { name: "Comment" }).fill("Margin checked, go ahead");
    await decision.getByRole("button", { name: "Approve" }).click();
    await decision.waitFor({ state: "detached" });
    await manager.getByText("Nothing waits for your approval").waitFor();
    expect(await row.count()).toBe(0);
    await manager.context().close();
    expect(managerErrors).toEqual([]);
  });

  it("7. the admin sees the request approved on the record and the review notification", async () => {
    await page.reload();
    await page.getByRole("heading", { level: 2, name: DEAL }).waitFor();
    await page.locator(".record-header").getByText("Approved", { exact: true }).waitFor();
    const panel = await openTab(page, "Approval");
    await panel.getByText("Request approved").waitFor();
    await panel.getByText("Margin checked, go ahead").waitFor();
    expect(
      await page
        .getByRole("toolbar", { name: "Record actions" })
        .getByRole("button", { name: "Edit" })
        .count(),
    ).toBe(1);
    await screenshot(page, "record-approval");

    // The notification is sent by a background job after the decision; the bell counts it once it
    // is there (the shell reads the count when a page loads).
    const title = `${DEAL}: review approved`;
    await expect
      .poll(
        async () =>
          (
            await admin.request<{ notifications: Array<{ title: string }> }>("GET", "/api/v1/notifications")
          ).body.notifications.map((n) => n.title),
        { timeout: 15_000 },
      )
      .toContain(title);
    await page.reload();
    const bell = page.getByRole("link", { name: /^Notifications \(\d+\)$/ });
    await expect.poll(() => bell.getAttribute("aria-label")).toMatch(/^Notifications \([1-9]\d*\)$/);
    await bell.click();
    await page.waitForURL(/\/notifications$/);
    await page.getByRole("heading", { level: 2, name: /^Notifications/ }).waitFor();
    const item = page.locator(".ant-list-item").filter({ hasText: title });
    await item.waitFor();
    expect(await item.textContent()).toContain("Acme Retail Group");
    expect(await item.getByRole("link", { name: "Open record" }).getAttribute("href")).toBe(
      `/o/opportunity/${dealId}`,
    );
    expect(errors.splice(0)).toEqual([]);
  });

  it("8. switches to 简体中文: navigation, list, field labels and antd's own texts are Chinese; and back", async () => {
    await page.getByRole("combobox", { name: "Language" }).click();
    await page.getByTitle("简体中文").click();
    await nav(page).getByRole("link", { name: "商机" }).click();
    await page.getByRole("heading", { level: 2, name: "全部商机" }).waitFor();
    const pager = page.getByRole("navigation", { name: "分页" });
    await pager.getByText("第 1–14 条，共 14 条", { exact: true }).waitFor();
    for (const button of ["上一页", "下一页"]) await pager.getByRole("button", { name: button }).waitFor();
    await pager.getByRole("combobox", { name: "每页行数" }).waitFor();
    for (const link of ["首页", "审批", "客户", "线索"])
      await nav(page).getByRole("link", { name: link, exact: true }).waitFor();
    const headers = await page.locator(".ant-table-thead th").allTextContents();
    for (const header of ["商机名称", "金额", "阶段", "预计成交日期"]) expect(headers).toContain(header);
    await page.getByRole("cell", { name: "商务谈判" }).first().waitFor();
    await page.getByRole("button", { name: "新建" }).waitFor();
    // antd's own text, from its zh-CN locale: the sort tooltip of a column header.
    await page.locator(".ant-table-thead th").filter({ hasText: "金额" }).hover();
    await page
      .getByRole("tooltip")
      .filter({ hasText: /^(点击升序|点击降序|取消排序)$/ })
      .waitFor();
    await page.mouse.move(0, 450);
    await page.getByRole("tooltip").waitFor({ state: "hidden" });
    await screenshot(page, "list-zh-cn");

    await page.getByRole("link", { name: DEAL }).click();
    await page.getByRole("heading", { level: 2, name: DEAL }).waitFor();
    await expect(shownValue(page, "金额").textContent()).resolves.toMatch(/2,000,000\.00/);
    await expect(shownValue(page, "阶段").textContent()).resolves.toBe("商务谈判");
    await page.locator(".record-header").getByText("已批准", { exact: true }).waitFor();

    await page.getByRole("combobox", { name: "语言" }).click();
    await page.getByTitle("English").click();
    await page.locator(".record-header").getByText("Approved", { exact: true }).waitFor();
    await shownValue(page, "Amount").waitFor();
    await nav(page).getByRole("link", { name: "Opportunities" }).waitFor();
    expect(errors.splice(0)).toEqual([]);
  });
});
