import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LocaleProvider } from "../../../runtime/src/i18n/locale-context.js";
import { NotificationsPage } from "../../../runtime/src/notifications/notifications-page.js";

interface Call {
  method: string;
  url: string;
  body?: unknown;
}

const answer = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });

/** Replaces fetch (the HTTP boundary) with the server's answers; records what the page sent. */
const serve = (handler: (call: Call) => unknown): Call[] => {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit = {}) => {
    const call: Call = {
      method: init.method ?? "GET",
      url,
      ...(typeof init.body === "string" && { body: JSON.parse(init.body) }),
    };
    calls.push(call);
    return answer(handler(call));
  });
  return calls;
};

afterEach(() => vi.unstubAllGlobals());

const page = (locale: "en" | "zh-CN" = "en") =>
  render(
    <LocaleProvider initial={locale}>
      <MemoryRouter>
        <NotificationsPage />
      </MemoryRouter>
    </LocaleProvider>,
  );

const LIST = {
  notifications: [
    {
      id: "N2",
      at: "2026-11-26T10:00:00.000Z",
      title: "Quote Q1 approved",
      body: "Discount 30% approved.",
      object: "quote",
      recordId: "R1",
    },
    {
      id: "N1",
      at: "2026-11-25T10:00:00.000Z",
      title: "Case escalated",
      body: "SLA missed",
      readAt: "2026-11-25T11:00:00.000Z",
    },
  ],
  unread: 1,
  nextCursor: null,
};

describe("NotificationsPage", () => {
  it("lists notifications with a link to the record and marks one read", async () => {
    const calls = serve((call) => (call.method === "POST" ? { marked: 1, unread: 0 } : LIST));
    page();
    expect(await screen.findByText("Quote Q1 approved")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Open record" }).getAttribute("href")).toBe("/o/quote/R1");
    fireEvent.click(screen.getByRole("button", { name: "Mark read" }));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Mark read" })).toBeNull());
    expect(calls.find((c) => c.method === "POST")).toEqual({
      method: "POST",
      url: "/api/v1/notifications/read",
      body: { ids: ["N2"] },
    });
  });

  it("asks only for unread ones when the switch is on", async () => {
    const calls = serve(() => LIST);
    page();
    await screen.findByText("Case escalated");
    fireEvent.click(screen.getByRole("switch", { name: "Only unread" }));
    await waitFor(() => expect(calls.some((c) => c.url.includes("unread=true"))).toBe(true));
  });

  it("speaks Chinese", async () => {
    serve(() => ({ notifications: [], unread: 0, nextCursor: null }));
    page("zh-CN");
    expect(await screen.findByText("暂无通知")).toBeTruthy();
    expect(screen.getByRole("heading", { name: /通知/ })).toBeTruthy();
  });
});
