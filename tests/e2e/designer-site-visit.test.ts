import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiSession, apiSession } from "./support/api-session.js";
import { launchBrowser, signIn, strictPage } from "./support/browser.js";
import { keyboardDrag, pointerDrag } from "./support/drag.js";
import { E2E_ADMIN_PASSWORD, type ProductServer, startProduct } from "./support/product-server.js";
import { screenshot } from "./support/screenshots.js";

// The scenario: a business admin models "Site Visit" in the designer without JSON,
// publishes, and the runtime uses it at once.

let product: ProductServer;
let browser: Browser;
let admin: ApiSession;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
  admin = await apiSession(product.url);
  page = await strictPage(browser, errors);
  await signIn(page, product.url, "admin", E2E_ADMIN_PASSWORD);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

const designer = (path: string) => page.goto(`${product.url}/designer${path}`);
const toolbarButton = (name: RegExp) => page.locator(".editor-toolbar").getByRole("button", { name });
const saveDocument = async () => {
  await toolbarButton(/Save/).click();
  await page.getByText("Saved to the draft").first().waitFor();
};
const fieldsList = () => page.getByRole("region", { name: "Fields of the object" });
const endZone = () => page.getByText("Drop here to add at the end");

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

/**
 * Chooses `option` in the antd select named `name` (inside `scope`): by clicking it when it is
 * shown, else with the arrow keys (a long list is virtual: only the options in view exist).
 */
const choose = async (scope: Locator | Page, name: string, option: string) => {
  const box = scope.getByRole("combobox", { name, exact: true });
  await box.click();
  // A searchable select narrows its options to the typed text.
  if (await box.isEditable()) await box.fill(option);
  const list = page.locator(`[id="${await box.getAttribute("aria-controls")}"]`).locator("xpath=../..");
  const wanted = list.locator(".ant-select-item-option").filter({ hasText: exactly(option) });
  try {
    await wanted.waitFor({ state: "visible", timeout: 1_500 });
    return await wanted.click();
  } catch {
    // Not in view: step through the options the way a keyboard user does.
  }
  for (let step = 0; step < 100; step++) {
    const active = await box.getAttribute("aria-activedescendant");
    const item = page.locator(`[id="${active}"]`);
    const text = (await item.getAttribute("title")) ?? (await item.textContent()) ?? "";
    if (active !== null && text.trim() === option) return page.keyboard.press("Enter");
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`No option "${option}" in ${name}`);
};

/** Gives the selected field its label (the API name follows it). */
const labelSelectedField = async (label: string) => {
  const box = page.getByRole("textbox", { name: "Field label", exact: true });
  await box.fill(label);
};

const publish = async (picture?: string): Promise<number> => {
  await designer("/publish");
  const button = page.getByRole("button", { name: "Publish", exact: true });
  await expect.poll(() => button.isEnabled(), { timeout: 15_000 }).toBe(true);
  if (picture !== undefined) await screenshot(page, picture);
  await button.click();
  const done = page.locator(".ant-alert-title").getByText(/Published as version \d+\./);
  await done.waitFor();
  return Number(/version (\d+)/.exec((await done.textContent()) ?? "")?.[1]);
};

const draftObject = async () =>
  (
    await admin.request<{ fields: Array<{ name: string; type: string }> }>(
      "GET",
      "/api/v1/metadata/draft/object/siteVisit",
    )
  ).body;

describe("modelling Site Visit in the designer and using it in the runtime", () => {
  it("creates the object from its label, added to the Sales app", async () => {
    await designer("/objects");
    await page.getByRole("button", { name: "New object" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Label", exact: true }).fill("Site Visit");
    await dialog.getByRole("textbox", { name: "Label (中文)", exact: true }).fill("现场拜访");
    await expect(dialog.getByRole("textbox", { name: "API name" }).inputValue()).resolves.toBe("siteVisit");
    await dialog.getByRole("button", { name: "Create" }).click();
    await page.waitForURL(/\/designer\/objects\/siteVisit/);
    await fieldsList().waitFor();
    const object = await draftObject();
    expect(object.fields.map((f) => f.name)).toEqual(["name"]);
  });

  it("adds five field types from the palette: four by pointer drag, one by keyboard", async () => {
    await pointerDrag(page, page.getByRole("button", { name: "Add Date field" }), endZone());
    await labelSelectedField("Visit date");
    await pointerDrag(page, page.getByRole("button", { name: "Add Picklist field" }), endZone());
    await labelSelectedField("Status");
    await page.getByRole("textbox", { name: "Value of option 1" }).fill("planned");
    await page.getByRole("textbox", { name: "Label of option 1", exact: true }).fill("Planned");
    await page.getByRole("button", { name: "Add option" }).click();
    await page.getByRole("textbox", { name: "Value of option 2" }).fill("done");
    await page.getByRole("textbox", { name: "Label of option 2", exact: true }).fill("Done");
    await pointerDrag(page, page.getByRole("button", { name: "Add Long text field" }), endZone());
    await labelSelectedField("Notes");
    await pointerDrag(page, page.getByRole("button", { name: "Add Checkbox field" }), endZone());
    await labelSelectedField("Follow-up needed");
    // Keyboard: lift the palette item, step onto the list's end, drop.
    const addNumber = page.getByRole("button", { name: "Add Number field" });
    const rows = await fieldsList()
      .getByRole("button", { name: /\(\w+\)$/ })
      .count();
    await keyboardDrag(
      page,
      addNumber,
      Array.from({ length: rows + 1 }, () => "ArrowDown"),
    );
    await labelSelectedField("Duration hours");
    await page.getByRole("button", { name: "Status (status)" }).click();
    await screenshot(page, "designer-fields");
    await saveDocument();
    const object = await draftObject();
    expect(object.fields.map((f) => [f.name, f.type])).toEqual(
      expect.arrayContaining([
        ["name", "text"],
        ["visitDate", "date"],
        ["status", "picklist"],
        ["notes", "textarea"],
        ["followUpNeeded", "boolean"],
        ["durationHours", "number"],
      ]),
    );
    expect(object.fields).toHaveLength(6);
    expect(errors).toEqual([]);
  });

  it("lays it out in two sections with a rule: visit date required when status is planned", async () => {
    await page.getByRole("tab", { name: "Page layouts" }).click();
    await page.getByRole("button", { name: "New layout" }).click();
    await page.waitForURL(/\/layouts\/siteVisitLayout/);
    const details = page.getByRole("group", { name: "Column 1 of section Details" });
    await pointerDrag(page, page.getByRole("button", { name: "Place Status" }), details, "below");
    await pointerDrag(page, page.getByRole("button", { name: "Place Visit date" }), details, "below");
    await page.getByRole("button", { name: "Add section" }).click();
    await page.getByRole("textbox", { name: "Label of section New section", exact: true }).fill("Outcome");
    const outcome = page.getByRole("group", { name: "Column 1 of section Outcome" });
    await pointerDrag(page, page.getByRole("button", { name: "Place Notes" }), outcome);
    await pointerDrag(page, page.getByRole("button", { name: "Place Follow-up needed" }), outcome, "below");
    await pointerDrag(page, page.getByRole("button", { name: "Place Duration hours" }), outcome, "below");

    await page.getByRole("button", { name: "Properties of Visit date" }).click();
    const rule = page.getByRole("group", { name: "Required when" });
    await rule.getByRole("button", { name: "Add condition" }).click();
    await choose(rule, "Field", "Status");
    await choose(rule, "Operator", "equals");
    await choose(rule, "Value", "Planned");
    await saveDocument();
    await screenshot(page, "designer-layout");

    const layout = (
      await admin.request<{
        sections: Array<{ label: { en: string }; items: Array<Record<string, unknown>> }>;
      }>("GET", "/api/v1/metadata/draft/layout/siteVisitLayout")
    ).body;
    expect(layout.sections.map((s) => s.label.en)).toEqual(["Details", "Outcome"]);
    expect(layout.sections[0]?.items.find((i) => i.field === "visitDate")?.requiredWhen).toEqual({
      "==": [{ var: "status" }, "planned"],
    });
    expect(layout.sections[1]?.items.map((i) => i.field).sort()).toEqual([
      "durationHours",
      "followUpNeeded",
      "notes",
    ]);
    expect(errors).toEqual([]);
  });

  it("publishes, and the runtime's form enforces the rule at once", async () => {
    expect(await publish("designer-publish")).toBeGreaterThan(1);
    await page.goto(`${product.url}/o/siteVisit/new`);
    await page.locator("[data-form-ready]").waitFor();
    await page.getByLabel("Name", { exact: true }).fill("Plant inspection");
    await page.getByLabel("Status", { exact: true }).click();
    await page.locator('.ant-select-item-option[title="Planned"]').click();
    await page.getByRole("button", { name: "Save" }).click();
    await page.locator("#root_visitDate__error").waitFor();
    expect(page.url()).toMatch(/\/o\/siteVisit\/new$/);
    const none = await admin.request<{ records: unknown[] }>("GET", "/api/v1/records/siteVisit");
    expect(none.body.records).toEqual([]);

    await page.getByLabel("Visit date", { exact: true }).fill("2026-12-01");
    await page.getByLabel("Visit date", { exact: true }).press("Tab");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(
      (url) => /^\/o\/siteVisit\/[A-Za-z0-9_-]+$/.test(url.pathname) && !url.pathname.endsWith("/new"),
    );
    const saved = await admin.request<{ records: Array<Record<string, unknown>> }>(
      "GET",
      "/api/v1/records/siteVisit",
    );
    expect(saved.body.records).toMatchObject([
      { name: "Plant inspection", status: "planned", visitDate: "2026-12-01" },
    ]);
    expect(errors).toEqual([]);
  });

  it("reorders two fields in the layout, publishes, and the runtime shows the new order", async () => {
    const labelsInForm = async () => {
      await page.goto(`${product.url}/o/siteVisit/new`);
      await page.locator("[data-form-ready]").waitFor();
      return page.locator("form label").allTextContents();
    };
    const before = await labelsInForm();
    expect(before.indexOf("Status")).toBeLessThan(before.indexOf("Visit date"));

    await designer("/objects/siteVisit/layouts/siteVisitLayout");
    await pointerDrag(
      page,
      page.getByRole("button", { name: "Move Visit date", exact: true }),
      page.getByRole("button", { name: "Move Status", exact: true }),
      "above",
    );
    await saveDocument();
    await publish();

    const after = await labelsInForm();
    expect(after.indexOf("Visit date")).toBeLessThan(after.indexOf("Status"));
    expect(errors).toEqual([]);
  });

  it("grants end users access in the permission matrix and models a two-step approval", async () => {
    await designer("/permissions");
    for (const permission of ["Create", "Read", "Edit"]) {
      await page
        .getByRole("checkbox", { name: `Standard user: Site Visit: ${permission}`, exact: true })
        .check();
    }
    await page.getByRole("tab", { name: "Field permissions" }).click();
    await choose(page, "Object", "Site Visit");
    await page
      .getByRole("checkbox", { name: "Standard user: Site Visit: Edit: all fields", exact: true })
      .check();
    await page.getByRole("button", { name: /\bSave$/ }).click();
    await page.getByText("Saved to the draft").first().waitFor();

    await designer("/approvals");
    await page.getByRole("button", { name: "New approval process" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Label", exact: true }).fill("Visit approval");
    await choose(dialog, "Object", "Site Visit");
    await dialog.getByRole("button", { name: "Create" }).click();
    await page.waitForURL(/\/designer\/approvals\/visitApproval/);
    // Step 1 starts with the submitter's manager; step 2 is decided by the administrator.
    await page.getByRole("button", { name: "Add step" }).click();
    await page.getByRole("textbox", { name: "Step 2 label", exact: true }).fill("Operations sign-off");
    await choose(page, "Step 2 approver 1 type", "A user");
    await choose(page, "Step 2 approver 1 user", "Administrator (admin)");
    await page.getByRole("tab", { name: /^On final approval/ }).click();
    await page.getByRole("button", { name: "Add action to On final approval" }).click();
    await page.getByRole("menuitem", { name: "Update a field" }).click();
    await choose(page, "On final approval action 1: field", "Status");
    await choose(page, "On final approval action 1: value", "Done");
    await saveDocument();
    await screenshot(page, "designer-approval");
    const process = await admin.request<{ steps: Array<{ approvers: unknown[] }> }>(
      "GET",
      "/api/v1/metadata/draft/approvalProcess/visitApproval",
    );
    expect(process.body.steps.map((step) => step.approvers)).toEqual([
      [{ type: "submitterManager" }],
      [{ type: "user", user: "admin" }],
    ]);
    await publish();
    expect(errors).toEqual([]);
  });

  it("end users create a visit and take it through both approval steps at once", async () => {
    const manager = await admin.request<{ id: string }>("POST", "/api/v1/users", {
      username: "mark",
      name: "Mark Manager",
      email: "mark@demo.example.com",
      profile: "standardUser",
      password: "mark-password-1",
    });
    expect(manager.status).toBe(201);
    expect(
      (
        await admin.request("POST", "/api/v1/users", {
          username: "rita",
          name: "Rita Rep",
          email: "rita@demo.example.com",
          profile: "standardUser",
          manager: manager.body.id,
          password: "rita-password-1",
        })
      ).status,
    ).toBe(201);

    const rita = await strictPage(browser, errors);
    await signIn(rita, product.url, "rita", "rita-password-1");
    await rita.getByRole("navigation").getByRole("link", { name: "Site Visits" }).click();
    await rita.goto(`${product.url}/o/siteVisit/new`);
    await rita.locator("[data-form-ready]").waitFor();
    await rita.getByLabel("Name", { exact: true }).fill("Warehouse audit");
    await rita.getByLabel("Status", { exact: true }).click();
    await rita.locator('.ant-select-item-option[title="Planned"]').click();
    await rita.getByLabel("Visit date", { exact: true }).fill("2026-12-10");
    await rita.getByLabel("Visit date", { exact: true }).press("Tab");
    await rita.getByRole("button", { name: "Save" }).click();
    await rita.getByRole("heading", { level: 2, name: "Warehouse audit" }).waitFor();
    const toolbar = rita.getByRole("toolbar", { name: "Record actions" });
    await toolbar.getByRole("button", { name: "Submit for approval" }).click();
    await rita.getByRole("dialog").getByRole("button", { name: "Submit for approval" }).click();
    await rita.getByText("Pending approval").first().waitFor();

    const decide = async (approver: Page) => {
      await approver.goto(`${product.url}/approvals`);
      const row = approver.getByRole("row").filter({ hasText: "Warehouse audit" });
      await row.getByRole("button", { name: "Approve Warehouse audit" }).click();
      await approver.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
      await approver.getByText("Nothing waits for your approval").waitFor();
    };
    const mark = await strictPage(browser, errors);
    await signIn(mark, product.url, "mark", "mark-password-1");
    await decide(mark);
    await decide(page);

    const visits = await admin.request<{ records: Array<Record<string, unknown>> }>(
      "GET",
      "/api/v1/records/siteVisit?filter=" +
        encodeURIComponent(JSON.stringify({ "==": [{ var: "name" }, "Warehouse audit"] })),
    );
    expect(visits.body.records).toMatchObject([{ status: "done" }]);
    // The designer is for admins: a sales rep is told so, and the draft API refuses her anyway.
    await rita.goto(`${product.url}/designer`);
    await rita
      .getByText("The designer needs the Manage metadata permission. Ask an administrator.")
      .waitFor();
    expect(errors).toEqual([]);
  });
});
