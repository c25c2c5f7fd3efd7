import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bootstrapOf, type Call, mockFetch, renderAt, summary } from "../record/record-harness.js";

// antd in happy-dom renders slowly when the machine is busy; these are not timing tests.
const SLOW = { timeout: 20_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const item = (recordId: string, recordName: string) => ({
  object: "deal",
  objectLabel: "Deal",
  recordId,
  recordName,
  requestId: `req-${recordId}`,
  process: { name: "bigDeals", label: "Big deals" },
  step: { name: "review", label: "Manager review" },
  submittedBy: { id: "u9", name: "Sam Submitter" },
  submittedAt: "2026-03-03T10:00:00.000Z",
  since: "2026-03-03T10:00:00.000Z",
});

const serve =
  (items: unknown[], decide?: (call: Call) => { status?: number; body?: unknown }) => (call: Call) => {
    if (call.path === "/api/v1/ui/bootstrap")
      return { body: bootstrapOf([summary("deal", "Deal", "Deals")]) };
    if (call.path === "/api/v1/approvals/inbox") return { body: { items } };
    if (call.method === "POST" && decide !== undefined) return decide(call);
    return undefined;
  };

const openInbox = async () => {
  renderAt("/approvals");
  await screen.findByRole("heading", { level: 2, name: "Approvals" });
};

describe("approvals inbox", SLOW, () => {
  it("lists what waits for the user: record link, object, process, step, submitter", async () => {
    mockFetch(serve([item("d1", "Big deal"), item("d2", "Small deal")]));
    await openInbox();
    const link = await screen.findByRole("link", { name: "Big deal" });
    expect(link.getAttribute("href")).toBe("/o/deal/d1");
    const row = link.closest("tr") as HTMLElement;
    expect(within(row).getByText("Deal")).toBeTruthy();
    expect(within(row).getByText("Big deals")).toBeTruthy();
    expect(within(row).getByText("Manager review")).toBeTruthy();
    expect(within(row).getByText("Sam Submitter")).toBeTruthy();
  });

  it("approves a row with a comment, for its step, and the row leaves the list", async () => {
    const calls = mockFetch(serve([item("d1", "Big deal"), item("d2", "Small deal")], () => ({ body: {} })));
    await openInbox();
    await userEvent.click(await screen.findByRole("button", { name: "Approve Big deal" }));
    const dialog = await screen.findByRole("dialog");
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Comment" }), "Go ahead");
    await userEvent.click(within(dialog).getByRole("button", { name: "Approve" }));
    await waitFor(() => expect(screen.queryByRole("link", { name: "Big deal" })).toBeNull());
    expect(screen.getByRole("link", { name: "Small deal" })).toBeTruthy();
    const post = calls.find((c) => c.method === "POST");
    expect(post?.path).toBe("/api/v1/records/deal/d1/approval/approve");
    expect(post?.body).toEqual({ comment: "Go ahead", step: "review" });
  });

  it("rejects from the row", async () => {
    const calls = mockFetch(serve([item("d1", "Big deal")], () => ({ body: {} })));
    await openInbox();
    await userEvent.click(await screen.findByRole("button", { name: "Reject Big deal" }));
    await userEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Reject" }));
    await waitFor(() => expect(screen.queryByRole("link", { name: "Big deal" })).toBeNull());
    expect(calls.find((c) => c.method === "POST")?.path).toBe("/api/v1/records/deal/d1/approval/reject");
    expect(await screen.findByText("Nothing waits for your approval")).toBeTruthy();
  });

  it("keeps the row and shows the server's text when the decision is refused", async () => {
    mockFetch(
      serve([item("d1", "Big deal")], () => ({
        status: 409,
        body: { title: "The step was already decided", errors: [] },
      })),
    );
    await openInbox();
    await userEvent.click(await screen.findByRole("button", { name: "Approve Big deal" }));
    const dialog = await screen.findByRole("dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "Approve" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("The step was already decided");
    expect(screen.getByRole("link", { name: "Big deal" })).toBeTruthy();
  });

  it("says so when nothing waits", async () => {
    mockFetch(serve([]));
    await openInbox();
    expect(await screen.findByText("Nothing waits for your approval")).toBeTruthy();
  });
});
