import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Call, Reply } from "./plugin-harness.js";
import { dealRecord, layoutWith, location, mockFetch, pluginServer, renderAt } from "./plugin-harness.js";

const SLOW = { timeout: 20_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const CONVERT = "/api/v1/plugins/ratings/deals/d1/convert";

const withButtons = layoutWith({
  buttons: [
    { name: "edit", action: "edit" },
    {
      name: "convert",
      action: "plugin",
      package: "ratings",
      path: "/deals/{id}/convert",
      label: { en: "Convert", "zh-CN": "转换" },
    },
    {
      name: "archive",
      action: "plugin",
      package: "ratings",
      path: "/deals/{id}/archive",
      label: { en: "Archive" },
      confirm: { en: "Archive this deal?" },
      visibleWhen: { "!=": [{ var: "rating" }, 5] },
    },
  ],
});

/** The deal page with the plugin buttons; `convert` answers the button's POST. */
const buttonServer = (
  convert: (call: Call) => Reply,
  extra: { locale?: "en" | "zh-CN"; rating?: number } = {},
) =>
  pluginServer({
    layout: withButtons,
    ...(extra.locale !== undefined && { locale: extra.locale }),
    records: [dealRecord({ rating: extra.rating ?? 2 }), dealRecord({ version: 4, rating: 3 })],
    more: (call) =>
      call.method === "POST" && call.path.startsWith("/api/v1/plugins/") ? convert(call) : undefined,
  });

const toolbar = async () => screen.findByRole("toolbar", { name: /Record actions|记录操作/ });
const posts = (calls: Call[]) => calls.filter((c) => c.method === "POST");
const recordReads = (calls: Call[]) =>
  calls.filter((c) => c.method === "GET" && c.path === "/api/v1/records/deal/d1");

describe("a plugin button on the record page", SLOW, () => {
  it("is shown with the layout's label and only while its rule holds", async () => {
    mockFetch(buttonServer(() => ({ body: {} }), { rating: 5 }));
    renderAt("/o/deal/d1");
    const buttons = within(await toolbar()).getAllByRole("button");
    expect(buttons.map((b) => b.textContent)).toEqual(["Edit", "Convert"]);
  });

  it("posts to the plugin's route for the record and opens the record the answer names", async () => {
    const calls = mockFetch(buttonServer(() => ({ body: { navigate: { object: "account", id: "a9" } } })));
    renderAt("/o/deal/d1");
    await userEvent.click(within(await toolbar()).getByRole("button", { name: /Convert/ }));
    await waitFor(() => expect(location()).toBe("/o/account/a9"));
    expect(posts(calls).map((c) => c.path)).toEqual([CONVERT]);
    expect(posts(calls)[0]?.headers.authorization).toBe("Bearer test-token");
  });

  it("without a record to open, says it is done and shows the record as it is now", async () => {
    const calls = mockFetch(buttonServer(() => ({ body: { converted: true } })));
    renderAt("/o/deal/d1");
    expect((await screen.findByTestId("stars")).textContent).toBe("★★☆☆☆");
    await userEvent.click(within(await toolbar()).getByRole("button", { name: /Convert/ }));
    expect(await screen.findByText("Done")).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId("stars").textContent).toBe("★★★☆☆"));
    expect(recordReads(calls).length).toBe(2);
    expect(location()).toBe("/o/deal/d1");
  });

  it("treats an empty 204 answer as done", async () => {
    mockFetch(buttonServer(() => ({ status: 204 })));
    renderAt("/o/deal/d1");
    await userEvent.click(within(await toolbar()).getByRole("button", { name: /Convert/ }));
    expect(await screen.findByText("Done")).toBeTruthy();
    expect(location()).toBe("/o/deal/d1");
  });

  it("shows the problem's messages when the plugin refuses, and stays on the record", async () => {
    const calls = mockFetch(
      buttonServer(() => ({
        status: 422,
        body: {
          title: "The deal cannot be converted",
          status: 422,
          code: "invalid",
          errors: [
            { path: "/rating", code: "ratings.tooLow", message: "Rate the deal 3 stars or more first." },
          ],
        },
      })),
    );
    renderAt("/o/deal/d1");
    await userEvent.click(within(await toolbar()).getByRole("button", { name: /Convert/ }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The deal cannot be converted");
    expect(alert.textContent).toContain("Rate the deal 3 stars or more first.");
    expect(location()).toBe("/o/deal/d1");
    expect(screen.queryByText("Done")).toBeNull();
    // Nothing was reloaded: the record shown is the one read before.
    expect(recordReads(calls).length).toBe(1);
  });

  it("asks the layout's question first, and posts once the user continues", async () => {
    const calls = mockFetch(buttonServer(() => ({ body: {} })));
    renderAt("/o/deal/d1");
    await userEvent.click(within(await toolbar()).getByRole("button", { name: /Archive/ }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toContain("Archive this deal?");
    expect(posts(calls)).toEqual([]);
    await userEvent.click(within(dialog).getByRole("button", { name: "Continue" }));
    await waitFor(() =>
      expect(posts(calls).map((c) => c.path)).toEqual(["/api/v1/plugins/ratings/deals/d1/archive"]),
    );
  });

  it("sends nothing when the user cancels the question", async () => {
    const calls = mockFetch(buttonServer(() => ({ body: {} })));
    renderAt("/o/deal/d1");
    await userEvent.click(within(await toolbar()).getByRole("button", { name: /Archive/ }));
    await userEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Cancel" }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(posts(calls)).toEqual([]);
    expect(screen.queryByText("Done")).toBeNull();
  });

  it("speaks Chinese to a Chinese-speaking user", async () => {
    mockFetch(buttonServer(() => ({ body: {} }), { locale: "zh-CN" }));
    renderAt("/o/deal/d1");
    await userEvent.click(within(await toolbar()).getByRole("button", { name: /转\s?换/ }));
    expect(await screen.findByText("操作已完成")).toBeTruthy();
  });
});
