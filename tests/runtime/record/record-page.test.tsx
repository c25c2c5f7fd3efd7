import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dealLayout, dealRecord, dealServer } from "./deal-fixture.js";
import { layoutOf, ME, mockFetch, renderAt } from "./record-harness.js";

// antd in happy-dom renders slowly when the machine is busy; these are not timing tests.
const SLOW = { timeout: 20_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const openDeal = async () => {
  renderAt("/o/deal/d1");
  return screen.findByRole("heading", { level: 2, name: "Big deal" });
};

/** The labels of each column (a `dl`) of the page's open sections, left to right, top to bottom. */
const columnLabels = (): string[][] =>
  [...document.querySelectorAll("dl.record-fields")].map((dl) =>
    [...dl.querySelectorAll("dt")].map((dt) => dt.textContent ?? ""),
  );

describe("record page layout", SLOW, () => {
  it("shows the record name as title and the object's list as breadcrumb", async () => {
    mockFetch(dealServer());
    await openDeal();
    expect(screen.getByRole("link", { name: "Deals" }).getAttribute("href")).toBe("/o/deal");
  });

  it("places the layout's fields in its sections and columns, with formatted values", async () => {
    mockFetch(dealServer());
    await openDeal();
    expect(columnLabels()).toEqual([
      ["Deal Name", "Company"],
      ["Amount", "Stage", "Region"],
    ]);
    expect(screen.getByText("$12,500.00")).toBeTruthy();
    expect(screen.getByText("Open")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Acme" }).getAttribute("href")).toBe("/o/company/c1");
  });

  it("starts a collapsed section closed and opens it from the keyboard", async () => {
    mockFetch(dealServer());
    await openDeal();
    expect(screen.queryByText("Call back on Monday")).toBeNull();
    const header = screen.getByRole("button", { name: /More/ });
    header.focus();
    await userEvent.keyboard("{Enter}");
    expect(await screen.findByText("Call back on Monday")).toBeTruthy();
  });

  it("shows a field with visibleWhen only while its rule holds on the record", async () => {
    mockFetch(dealServer({ record: dealRecord({ stage: "open", lossReason: "Price" }) }));
    await openDeal();
    expect(screen.queryByText("Loss Reason")).toBeNull();
    expect(screen.queryByText("Price")).toBeNull();
  });

  it("evaluates visibleWhen on the record's values, a lookup by its id", async () => {
    mockFetch(dealServer({ record: dealRecord({ stage: "lost", lossReason: "Price" }) }));
    await openDeal();
    expect(screen.getByText("Loss Reason")).toBeTruthy();
    expect(screen.getByText("Price")).toBeTruthy();
    // region's rule compares the company lookup with "c1": the id of {id: "c1", name: "Acme"}.
    expect(screen.getByText("EMEA")).toBeTruthy();
  });

  it("hides a lookup-guarded field when the lookup points elsewhere", async () => {
    mockFetch(dealServer({ record: dealRecord({ company: { id: "c2", name: "Globex" } }) }));
    await openDeal();
    expect(screen.queryByText("Region")).toBeNull();
  });

  it("without a layout, shows every readable field in definition order in two columns", async () => {
    mockFetch(dealServer({ ui: { layouts: [] } }));
    await openDeal();
    expect(screen.getByRole("button", { name: /Details/ })).toBeTruthy();
    expect(columnLabels()).toEqual([
      ["Deal Name", "Amount", "Loss Reason", "Notes"],
      ["Company", "Stage", "Region"],
    ]);
  });

  it("shows an owner placed on the layout by name", async () => {
    const layout = layoutOf("deal", [
      { id: "s", label: { en: "S" }, columns: 1, items: [{ field: "ownerId" }] },
    ]);
    mockFetch(dealServer({ ui: { layouts: [layout] } }));
    await openDeal();
    expect(screen.getByText("Owner")).toBeTruthy();
    expect((await screen.findByRole("link", { name: ME.name })).getAttribute("href")).toBe(
      `/o/user/${ME.id}`,
    );
  });
});

describe("record page buttons", SLOW, () => {
  const toolbar = () => screen.getByRole("toolbar", { name: "Record actions" });

  it("shows Edit and Delete when the user may edit and delete, and Edit opens the form", async () => {
    mockFetch(dealServer());
    await openDeal();
    expect(within(toolbar()).getByRole("button", { name: /Delete/ })).toBeTruthy();
    await userEvent.click(within(toolbar()).getByRole("button", { name: /Edit/ }));
    expect(screen.getByTestId("location").textContent).toBe("/o/deal/d1/edit");
  });

  it("hides Edit and Delete without the permissions", async () => {
    mockFetch(dealServer({ ui: { permissions: { create: true, edit: false, delete: false } } }));
    await openDeal();
    expect(screen.queryByRole("button", { name: /Edit/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Delete/ })).toBeNull();
  });

  it("hides Submit for approval when the object has no process", async () => {
    mockFetch(dealServer());
    await openDeal();
    expect(within(toolbar()).queryByRole("button", { name: /Submit for approval/ })).toBeNull();
  });

  it("shows only the layout's buttons, with their labels, when their rule holds", async () => {
    const layout = {
      ...dealLayout,
      buttons: [
        { name: "change", action: "edit" as const, label: { en: "Change it" } },
        { name: "remove", action: "delete" as const, visibleWhen: { "==": [{ var: "stage" }, "lost"] } },
        { name: "ping", action: "custom" as const, label: { en: "Ping" }, handler: "pinger/ping" },
      ],
    };
    mockFetch(dealServer({ ui: { layouts: [layout] } }));
    await openDeal();
    expect(
      within(toolbar())
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Change it"]);
  });

  it("deletes after confirmation, with the version read, and goes back to the list", async () => {
    const calls = mockFetch(
      dealServer({ extra: (call) => (call.method === "DELETE" ? { status: 204 } : undefined) }),
    );
    await openDeal();
    await userEvent.click(within(toolbar()).getByRole("button", { name: /Delete/ }));
    await userEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/o/deal"));
    const deleted = calls.find((c) => c.method === "DELETE");
    expect(deleted?.path).toBe("/api/v1/records/deal/d1");
    expect(deleted?.headers["if-match"]).toBe("3");
  });

  it("shows the server's words when a delete is refused as locked", async () => {
    mockFetch(
      dealServer({
        extra: (call) =>
          call.method === "DELETE"
            ? {
                status: 423,
                body: {
                  title: "The record is locked while it waits for approval",
                  errors: [
                    { path: "", code: "record.locked", message: "Only administrators may delete it." },
                  ],
                },
              }
            : undefined,
      }),
    );
    await openDeal();
    await userEvent.click(within(toolbar()).getByRole("button", { name: /Delete/ }));
    await userEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Delete" }));
    const alert = await screen.findByText(/locked while it waits for approval/);
    expect(alert.textContent).toContain("Only administrators may delete it.");
    expect(screen.queryByTestId("location")).toBeNull();
  });
});

describe("a record locked by a pending approval", SLOW, () => {
  const pending = (approvers: Array<{ id: string; name: string }>) => ({
    status: "pending",
    locked: true,
    process: { name: "p", label: "Big deals" },
    submittedBy: { id: "u9", name: "Sam" },
    submittedAt: "2026-03-03T10:00:00.000Z",
    currentStep: { name: "review", label: "Review", decision: "firstResponse" },
    approvers: approvers.map((a) => ({ ...a, decision: null })),
    canApprove: approvers.some((a) => a.id === ME.id),
    canRecall: false,
    history: [],
  });

  it("shows a lock banner and no Edit to a user who is not an approver", async () => {
    mockFetch(
      dealServer({ ui: { hasApprovalProcess: true }, approval: pending([{ id: "u7", name: "Max" }]) }),
    );
    await openDeal();
    expect(await screen.findByText("This record is locked while it waits for approval.")).toBeTruthy();
    const toolbar = screen.getByRole("toolbar", { name: "Record actions" });
    expect(within(toolbar).queryByRole("button", { name: /Edit/ })).toBeNull();
    expect(within(toolbar).queryByRole("button", { name: /Submit for approval/ })).toBeNull();
    expect(screen.getByText("Pending approval")).toBeTruthy();
  });

  it("keeps Edit for one of its approvers, without a banner", async () => {
    mockFetch(
      dealServer({ ui: { hasApprovalProcess: true }, approval: pending([{ id: ME.id, name: ME.name }]) }),
    );
    await openDeal();
    await screen.findByText("Pending approval");
    expect(screen.getByRole("button", { name: /Edit/ })).toBeTruthy();
    expect(screen.queryByText("This record is locked while it waits for approval.")).toBeNull();
  });
});

describe("record page language", SLOW, () => {
  it("speaks the user's language: tabs, buttons and formats in Chinese", async () => {
    mockFetch(dealServer({ locale: "zh-CN", ui: { hasApprovalProcess: true } }));
    await openDeal();
    expect(await screen.findByRole("tab", { name: "详细信息" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "历史记录" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "审批" })).toBeTruthy();
    expect(await screen.findByRole("button", { name: /提交审批/ })).toBeTruthy();
    expect(screen.getByText("US$12,500.00")).toBeTruthy();
  });
});
