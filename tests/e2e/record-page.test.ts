import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn, strictPage } from "./support/browser.js";
import { E2E_ADMIN_PASSWORD, type ProductServer, startProduct } from "./support/product-server.js";

type Json = Record<string, unknown>;

const APPROVER_PASSWORD = "approver-e2e-password";

let product: ProductServer;
let browser: Browser;
let token: string;

/** The API as the admin, through fetch (set-up the test needs besides what it does on the page). */
const adminApi = async (
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => {
  const response = await fetch(`${product.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { "content-type": "application/json" }),
      ...headers,
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const json = (text === "" ? {} : JSON.parse(text)) as Json;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return json;
};

const create = async (object: string, record: Json): Promise<string> =>
  String((await adminApi("POST", `/api/v1/records/${object}`, record)).id);

let accountId: string;
let opportunityId: string;

beforeAll(async () => {
  [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
  const login = await fetch(`${product.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenant: "demo", username: "admin", password: E2E_ADMIN_PASSWORD }),
  });
  token = String(((await login.json()) as Json).token);
  accountId = await create("account", { name: "Globex Record Page" });
  opportunityId = await create("opportunity", {
    name: "Globex rollout",
    account: accountId,
    amount: 125000,
    stage: "proposal",
    closeDate: "2026-09-30",
    probability: 40,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

const openRecord = async (page: Page, object: string, id: string, name: string) => {
  await page.goto(`${product.url}/o/${object}/${id}`);
  await page.getByRole("heading", { level: 2, name }).waitFor();
};

describe("record page in the browser", () => {
  it("shows formatted values, links the account, and lists the opportunity on the account", async () => {
    const errors: string[] = [];
    const page = await strictPage(browser, errors);
    await signIn(page, product.url, "admin", E2E_ADMIN_PASSWORD);
    await openRecord(page, "opportunity", opportunityId, "Globex rollout");
    await page.getByText("125,000.00").first().waitFor();
    await page.getByText("Proposal", { exact: true }).waitFor();
    expect(await page.getByRole("link", { name: "Opportunities" }).first().getAttribute("href")).toBe(
      "/o/opportunity",
    );
    const account = page.getByRole("link", { name: "Globex Record Page" });
    expect(await account.getAttribute("href")).toBe(`/o/account/${accountId}`);
    await account.click();
    await page.getByRole("heading", { level: 2, name: "Globex Record Page" }).waitFor();
    await page.getByRole("tab", { name: "Related" }).click();
    const related = page.getByRole("tabpanel", { name: "Related" });
    const child = related.getByRole("link", { name: "Globex rollout" });
    await child.waitFor();
    expect(await child.getAttribute("href")).toBe(`/o/opportunity/${opportunityId}`);
    await child.click();
    await page.getByRole("heading", { level: 2, name: "Globex rollout" }).waitFor();
    expect(errors).toEqual([]);
  });

  it("shows a change made through the API in the field history", async () => {
    const current = await adminApi("GET", `/api/v1/records/opportunity/${opportunityId}`);
    await adminApi(
      "PATCH",
      `/api/v1/records/opportunity/${opportunityId}`,
      { stage: "negotiation" },
      { "if-match": String(current.version) },
    );
    const errors: string[] = [];
    const page = await strictPage(browser, errors);
    await signIn(page, product.url, "admin", E2E_ADMIN_PASSWORD);
    await openRecord(page, "opportunity", opportunityId, "Globex rollout");
    await page.getByRole("tab", { name: "History" }).click();
    const history = page.getByRole("tabpanel", { name: "History" });
    const change = history.getByRole("row").filter({ hasText: "Proposal → Negotiation" });
    await change.waitFor();
    expect(await change.getByRole("cell").nth(1).textContent()).toBe("Stage");
    expect(await change.getByRole("cell").nth(3).textContent()).toBe("Administrator");
    // Newest first: the change is above the creation of the record.
    const rows = await history.getByRole("row").allTextContents();
    const changed = rows.findIndex((r) => r.includes("Proposal → Negotiation"));
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThan(rows.findIndex((r) => r.includes("Record created")));
    expect(errors).toEqual([]);
  });

  it("submits for approval on the page; the approver approves from the inbox; the record shows approved", async () => {
    for (const doc of [
      { kind: "role", name: "dealDesk", label: { en: "Deal desk" } },
      {
        kind: "approvalProcess",
        name: "e2eDealReview",
        object: "opportunity",
        label: { en: "Deal review", "zh-CN": "商机评审" },
        active: true,
        // Before the demo's own largeDealReview (priority 1).
        priority: 0,
        entryCriteria: { ">": [{ var: "amount" }, 0] },
        lockRecord: true,
        allowRecall: true,
        steps: [
          {
            name: "desk",
            label: { en: "Deal desk check", "zh-CN": "交易台审核" },
            approvers: [{ type: "role", role: "dealDesk" }],
            decision: "firstResponse",
            onReject: "final",
          },
        ],
      },
    ])
      await adminApi("PUT", `/api/v1/metadata/draft/${doc.kind}/${doc.name}`, doc);
    await adminApi("POST", "/api/v1/metadata/publish", {});
    await adminApi("POST", "/api/v1/users", {
      username: "desk",
      name: "Dana Desk",
      email: "desk@demo.example.com",
      profile: "standardUser",
      role: "dealDesk",
      password: APPROVER_PASSWORD,
    });

    const errors: string[] = [];
    const page = await strictPage(browser, errors);
    await signIn(page, product.url, "admin", E2E_ADMIN_PASSWORD);
    await openRecord(page, "opportunity", opportunityId, "Globex rollout");
    const toolbar = page.getByRole("toolbar", { name: "Record actions" });
    await toolbar.getByRole("button", { name: "Submit for approval" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Comment" }).fill("Biggest deal this quarter");
    await dialog.getByRole("button", { name: "Submit for approval" }).click();
    await page.getByText("Pending approval").first().waitFor();
    // Locked: a banner; the admin, not an approver, may still edit as an administrator.
    await page.getByText("This record is locked while it waits for approval.").waitFor();
    expect(await toolbar.getByRole("button", { name: "Edit" }).count()).toBe(1);
    await page.getByRole("tab", { name: "Approval" }).click();
    const panel = page.getByRole("tabpanel", { name: "Approval" });
    await panel.getByText("Deal desk check", { exact: true }).first().waitFor();
    await panel.getByText("Dana Desk").first().waitFor();

    const approverErrors: string[] = [];
    const approver = await strictPage(browser, approverErrors);
    await signIn(approver, product.url, "desk", APPROVER_PASSWORD);
    await approver.goto(`${product.url}/approvals`);
    const row = approver.getByRole("row").filter({ hasText: "Globex rollout" });
    await row.waitFor();
    expect(await row.textContent()).toContain("Deal desk check");
    expect(await row.textContent()).toContain("Administrator");
    await row.getByRole("button", { name: "Approve Globex rollout" }).click();
    const decision = approver.getByRole("dialog");
    await decision.getByRole("textbox", { name: "Comment" }).fill("Margin checked");
    await decision.getByRole("button", { name: "Approve" }).click();
    await approver.getByText("Nothing waits for your approval").waitFor();
    expect(await approver.getByRole("link", { name: "Globex rollout" }).count()).toBe(0);

    await page.reload();
    await page.getByRole("heading", { level: 2, name: "Globex rollout" }).waitFor();
    await page.getByRole("tab", { name: "Approval" }).click();
    const after = page.getByRole("tabpanel", { name: "Approval" });
    await after.getByText("Request approved").waitFor();
    await after.getByText("Margin checked").waitFor();
    await after.getByText("Biggest deal this quarter").waitFor();
    expect(await page.getByText("This record is locked while it waits for approval.").count()).toBe(0);
    expect(
      await page
        .getByRole("toolbar", { name: "Record actions" })
        .getByRole("button", { name: "Edit" })
        .count(),
    ).toBe(1);
    expect(errors).toEqual([]);
    expect(approverErrors).toEqual([]);
  });
});
