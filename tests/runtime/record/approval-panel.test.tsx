import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dealServer } from "./deal-fixture.js";
import { type Call, ME, mockFetch, renderAt } from "./record-harness.js";

// antd in happy-dom renders slowly when the machine is busy; these are not timing tests.
const SLOW = { timeout: 20_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const pendingFor = (flags: { canApprove: boolean; canRecall: boolean }) => ({
  status: "pending",
  locked: true,
  requestId: "r1",
  process: { name: "bigDeals", label: "Big deals" },
  submittedBy: { id: "u9", name: "Sam Submitter" },
  submittedAt: "2026-03-03T10:00:00.000Z",
  currentStep: { name: "review", label: "Manager review", decision: "firstResponse" },
  approvers: [
    { id: ME.id, name: ME.name, decision: null },
    { id: "u7", name: "Max Approver", decision: "approve" },
  ],
  ...flags,
  history: [
    { requestId: "r1", at: "2026-03-03T10:00:01.000Z", action: "stepStarted", step: "review" },
    {
      requestId: "r1",
      at: "2026-03-03T10:00:00.000Z",
      action: "submitted",
      actor: { id: "u9", name: "Sam Submitter" },
      comment: "Please look at the margin",
    },
  ],
});

const approved = {
  status: "approved",
  locked: false,
  requestId: "r1",
  process: { name: "bigDeals", label: "Big deals" },
  submittedBy: { id: "u9", name: "Sam Submitter" },
  submittedAt: "2026-03-03T10:00:00.000Z",
  completedAt: "2026-03-04T10:00:00.000Z",
  canApprove: false,
  canRecall: false,
  history: [],
};

/** Opens the record's Approval tab and returns the tab panel. */
const openApprovalTab = async () => {
  renderAt("/o/deal/d1");
  await userEvent.click(await screen.findByRole("tab", { name: "Approval" }));
  return screen.findByRole("tabpanel", { name: "Approval" });
};

const gets = (calls: Call[], path: string) =>
  calls.filter((c) => c.method === "GET" && c.path === path).length;

describe("approval panel", SLOW, () => {
  it("shows status, process, submitter, current step with each approver's decision, and the history", async () => {
    mockFetch(
      dealServer({
        ui: { hasApprovalProcess: true },
        approval: pendingFor({ canApprove: false, canRecall: false }),
      }),
    );
    const panel = await openApprovalTab();
    expect(within(panel).getByText("Pending approval")).toBeTruthy();
    expect(within(panel).getByText("Big deals")).toBeTruthy();
    expect(within(panel).getAllByText(/Sam Submitter/).length).toBeGreaterThan(0);
    expect(within(panel).getByText("Manager review")).toBeTruthy();
    expect(within(panel).getByText("Waiting")).toBeTruthy();
    expect(within(panel).getByText("Approved")).toBeTruthy();
    expect(within(panel).getByText("Please look at the margin")).toBeTruthy();
    expect(within(panel).queryByRole("button")).toBeNull();
  });

  it("offers Approve and Reject with a comment to an approver, not Recall", async () => {
    mockFetch(
      dealServer({
        ui: { hasApprovalProcess: true },
        approval: pendingFor({ canApprove: true, canRecall: false }),
      }),
    );
    const panel = await openApprovalTab();
    expect(within(panel).getByRole("textbox", { name: "Comment" })).toBeTruthy();
    expect(within(panel).getByRole("button", { name: "Approve" })).toBeTruthy();
    expect(within(panel).getByRole("button", { name: "Reject" })).toBeTruthy();
    expect(within(panel).queryByRole("button", { name: "Recall" })).toBeNull();
    expect(within(panel).queryByRole("button", { name: "Submit for approval" })).toBeNull();
  });

  it("offers only Recall to a submitter who may recall", async () => {
    mockFetch(
      dealServer({
        ui: { hasApprovalProcess: true },
        approval: pendingFor({ canApprove: false, canRecall: true }),
      }),
    );
    const panel = await openApprovalTab();
    expect(
      within(panel)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Recall"]);
  });

  it("offers Submit with a comment when nothing is pending and the object has a process", async () => {
    mockFetch(dealServer({ ui: { hasApprovalProcess: true }, approval: approved }));
    const panel = await openApprovalTab();
    expect(within(panel).getByText("Approved")).toBeTruthy();
    expect(
      within(panel)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Submit for approval"]);
  });

  it("approves with the comment and the step, then reloads the record and the panel", async () => {
    let decided = false;
    const calls = mockFetch((call) => {
      if (call.method === "POST" && call.path === "/api/v1/records/deal/d1/approval/approve") {
        decided = true;
        return { body: approved };
      }
      return dealServer({
        ui: { hasApprovalProcess: true },
        approval: decided ? approved : pendingFor({ canApprove: true, canRecall: false }),
      })(call);
    });
    const panel = await openApprovalTab();
    const recordReads = gets(calls, "/api/v1/records/deal/d1");
    await userEvent.type(within(panel).getByRole("textbox", { name: "Comment" }), "Margin is fine");
    await userEvent.click(within(panel).getByRole("button", { name: "Approve" }));
    await waitFor(() => expect(within(panel).queryByRole("button", { name: "Approve" })).toBeNull());
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({
      comment: "Margin is fine",
      step: "review",
    });
    expect(gets(calls, "/api/v1/records/deal/d1")).toBeGreaterThan(recordReads);
    expect(within(panel).getByText("Approved")).toBeTruthy();
  });

  it("shows the server's text when a decision is refused (409) and keeps the buttons", async () => {
    mockFetch(
      dealServer({
        ui: { hasApprovalProcess: true },
        approval: pendingFor({ canApprove: true, canRecall: false }),
        extra: (call) =>
          call.method === "POST"
            ? {
                status: 409,
                body: {
                  title: "The step was already decided",
                  errors: [
                    { path: "/step", code: "approval.stale", message: "Reload to see the current step." },
                  ],
                },
              }
            : undefined,
      }),
    );
    const panel = await openApprovalTab();
    await userEvent.click(within(panel).getByRole("button", { name: "Reject" }));
    const alert = await within(panel).findByRole("alert");
    expect(alert.textContent).toContain("The step was already decided");
    expect(alert.textContent).toContain("Reload to see the current step.");
    // The button's spinner fades out: its accessible name may still start with "loading".
    expect(within(panel).getByRole("button", { name: /Reject/ })).toBeTruthy();
  });

  it("is not a tab when the object has no process and the record was never submitted", async () => {
    mockFetch(dealServer());
    renderAt("/o/deal/d1");
    await screen.findByRole("heading", { level: 2, name: "Big deal" });
    expect(screen.queryByRole("tab", { name: "Approval" })).toBeNull();
  });

  it("submits from the page's button with a comment", async () => {
    const calls = mockFetch(
      dealServer({
        ui: { hasApprovalProcess: true },
        extra: (call) =>
          call.method === "POST" ? { body: pendingFor({ canApprove: false, canRecall: true }) } : undefined,
      }),
    );
    renderAt("/o/deal/d1");
    const toolbar = await screen.findByRole("toolbar", { name: "Record actions" });
    await userEvent.click(await within(toolbar).findByRole("button", { name: /Submit for approval/ }));
    const dialog = await screen.findByRole("dialog");
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Comment" }), "Please");
    await userEvent.click(within(dialog).getByRole("button", { name: "Submit for approval" }));
    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    const post = calls.find((c) => c.method === "POST");
    expect(post?.path).toBe("/api/v1/records/deal/d1/approval/submit");
    expect(post?.body).toEqual({ comment: "Please" });
  });
});
